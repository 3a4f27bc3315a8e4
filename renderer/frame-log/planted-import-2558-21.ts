import '../inspector/inspector';
