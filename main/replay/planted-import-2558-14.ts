import '../host-common/out-layout';
