import '../electron/host-args';
