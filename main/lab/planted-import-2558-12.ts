import '../replay/replay-server';
