import '../../main/core/engine';
