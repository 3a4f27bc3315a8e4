// The bundled demo: a mini-program project as a user's own looks. The page logs in with my.request, keeps
// the token in storage, and only then opens its socket (see pages/index/index.js).
App({
  globalData: { user: 'demo' },
});
