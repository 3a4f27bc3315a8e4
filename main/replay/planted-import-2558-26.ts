import '../core/replay-registry';
