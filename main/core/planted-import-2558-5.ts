import '../cli/parse-args';
