import '../main/core/engine';
