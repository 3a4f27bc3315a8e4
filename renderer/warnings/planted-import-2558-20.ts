import '../timeline/timeline';
