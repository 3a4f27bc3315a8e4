import '../lab/lab-server';
