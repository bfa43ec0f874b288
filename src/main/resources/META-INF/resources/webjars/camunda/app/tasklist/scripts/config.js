// Shequ's settings for Camunda's tasklist webapp (overrides the webjar's scripts/config.js; see docs/tasklist.md).
// Chinese first: zh.json (ours, every key of en.json) is the default and the fallback; a browser asking
// for English gets Camunda's en.json. Dates as 2026-12-06 14:30, in the browser's time zone (Beijing
// time on an office PC in China).
export default {
  app: {
    vendor: '社区',
    name: '任务列表'
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
  shortcuts: {
    claimTask: {key: 'ctrl+alt+c', description: '签收当前所选任务'},
    focusFilter: {key: 'ctrl+shift+f', description: '将焦点移到第一个筛选器'},
    focusList: {key: 'ctrl+alt+l', description: '将焦点移到任务列表的第一项任务'},
    focusForm: {key: 'ctrl+alt+f', description: '将焦点移到任务表单的第一个输入框'},
    startProcess: {key: 'ctrl+alt+p', description: '打开发起流程对话框'}
  },
  csrfCookieName: 'XSRF-TOKEN'
};
