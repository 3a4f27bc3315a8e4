import '../frame-log/format-cells';
