App({
  onError(message) {
    getApp().errors.push(message);
  },
  errors: [],
});
