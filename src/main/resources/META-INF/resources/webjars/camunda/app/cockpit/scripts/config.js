// Shequ's settings for Camunda's cockpit webapp (overrides the webjar's scripts/config.js; see docs/tasklist.md).
// Chinese first: zh.json (ours, every key of en.json) is the default and the fallback; a browser asking
// for English gets Camunda's en.json. Dates as 2026-12-06 14:30, in the browser's time zone (Beijing
// time on an office PC in China).
export default {
  app: {
    vendor: '社区',
    name: '流程监控'
  },
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'zh'
  },
  dateFormat: {
    monthName: 'M月',
    day: 'D日',
    abbr: 'YYYY-MM-DD HH:mm',
    normal: 'YYYY-MM-DD HH:mm',
    long: 'YYYY-MM-DD HH:mm:ss',
    short: 'YYYY-MM-DD'
  },
  // no "first visit" box pointing to Camunda's welcome page
  disableWelcomeMessage: true,
  csrfCookieName: 'XSRF-TOKEN'
};
