const { probe } = require('../../utils/probe');

Page({
  data: { probe: null },
  onLoad(query) {
    this.setData({ probe: probe(), query });
    my.connectSocket({ url: 'ws://127.0.0.1:1/echo' });
    Promise.reject(new Error('rejected later'));
    setTimeout(() => {
      this.setData({ errorsBefore: getApp().errors.length });
      throw new Error('thrown later');
    }, 0);
    setTimeout(() => require('../../utils/esm-errors').failInModule('thrown in an ES module'), 0);
  },
});
