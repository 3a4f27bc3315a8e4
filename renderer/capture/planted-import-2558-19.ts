import '../app/app';
