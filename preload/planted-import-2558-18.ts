import '../renderer/store/panel-store';
