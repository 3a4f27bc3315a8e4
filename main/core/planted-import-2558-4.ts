import '../browser-host/index';
