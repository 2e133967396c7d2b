/**
 * Interface language (Chinese or English): the strings of the UI and the names of event kinds and
 * statuses. The language follows the system (`navigator.language`) until the reader picks one.
 */
import type { EntityKind } from "./bindings/EntityKind";
import type { ErrorCode } from "./bindings/ErrorCode";
import type { EventKind } from "./bindings/EventKind";
import type { Precision } from "./bindings/Precision";
import type { Status } from "./bindings/Status";

export type Lang = "zh" | "en";

export function systemLang(nav: { language?: string } | undefined = globalThis.navigator): Lang {
  return nav?.language?.toLowerCase().startsWith("zh") ? "zh" : "en";
}

const en = {
  app: "Storyline",
  articles: "Articles",
  filters: "Filters",
  timeline: "Timeline",
  overview: "Overview",
  reader: "Reader",
  loading: "Loading…",
  noArticle: "Pick an article or an event to read its source.",
  noEvents: "No events match.",
  noEventsYet: "No events yet: the corpus has not produced any.",
  undated: "Undated",
  sources: (n: number) => (n === 1 ? "1 source" : `${n} sources`),
  conflict: "Sources disagree",
  conflictOn: (field: string) => `Sources disagree on ${field}`,
  entities: "People & companies",
  entitySearch: "Find a name or alias",
  kind: "Kind",
  status: "Status",
  source: "Source article",
  dateRange: "Date range",
  from: "From",
  to: "To",
  clearAll: "Clear all",
  allEvents: "All events",
  eventsCount: (n: number, total: number) => (n === total ? `${n} events` : `${n} of ${total} events`),
  search: "Search",
  searchPlaceholder: "Search all articles (Ctrl+K)",
  searchNoHits: "No passages found.",
  searchHits: (n: number) => (n === 1 ? "1 passage" : `${n} passages`),
  storyMode: "Story mode",
  storyExit: "Leave story mode",
  storyHelp: "j / → next · k / ← previous · Esc leaves",
  next: "Next",
  previous: "Previous",
  export: "Export",
  exportTitle: "Export the timeline",
  exportFormat: "Format",
  exportApplies: (n: number) => `The current filter applies: ${n} events.`,
  exportSave: "Save",
  cancel: "Cancel",
  exportSaved: (name: string) => `Saved ${name}`,
  exportCancelled: "Export cancelled.",
  language: "中文",
  languageLabel: "Switch the interface to Chinese",
  themeDark: "Dark theme",
  themeLight: "Light theme",
  script: "Script",
  scriptOriginal: "Original",
  scriptHant: "繁體",
  scriptHans: "简体",
  otherEvents: "Other events in this article",
  eventSources: "Sources of this event",
  zoomIn: "Zoom in",
  zoomOut: "Zoom out",
  zoomReset: "Whole range",
  brushHelp: "Drag on the axis to filter a date range",
  error: "Something went wrong",
  retry: "Retry",
  filterBar: "Active filter",
  removeFilter: (what: string) => `Remove ${what}`,
  mentions: (n: number) => `${n} events`,
  loadIssues: (n: number) => (n === 1 ? "1 file could not be read" : `${n} files could not be read`),
  dismiss: "Dismiss",
  supports: (n: number) => (n === 1 ? "supports 1 event" : `supports ${n} events`),
};

type Strings = typeof en;

const zh: Strings = {
  app: "Storyline 故事線",
  articles: "文章",
  filters: "篩選",
  timeline: "時間線",
  overview: "概覽",
  reader: "閱讀",
  loading: "載入中…",
  noArticle: "選一篇文章或一個事件，閱讀其來源。",
  noEvents: "沒有符合的事件。",
  noEventsYet: "尚無事件：語料還沒有產生任何事件。",
  undated: "日期不明",
  sources: (n: number) => `${n} 個來源`,
  conflict: "來源說法不一",
  conflictOn: (field: string) => `來源對「${field}」說法不一`,
  entities: "人物與公司",
  entitySearch: "搜尋名稱或別名",
  kind: "類型",
  status: "狀態",
  source: "來源文章",
  dateRange: "日期範圍",
  from: "從",
  to: "到",
  clearAll: "全部清除",
  allEvents: "全部事件",
  eventsCount: (n: number, total: number) => (n === total ? `${n} 個事件` : `${n} / ${total} 個事件`),
  search: "搜尋",
  searchPlaceholder: "搜尋所有文章（Ctrl+K）",
  searchNoHits: "沒有找到段落。",
  searchHits: (n: number) => `${n} 個段落`,
  storyMode: "故事模式",
  storyExit: "離開故事模式",
  storyHelp: "j / → 下一個 · k / ← 上一個 · Esc 離開",
  next: "下一個",
  previous: "上一個",
  export: "匯出",
  exportTitle: "匯出時間線",
  exportFormat: "格式",
  exportApplies: (n: number) => `套用目前的篩選：${n} 個事件。`,
  exportSave: "儲存",
  cancel: "取消",
  exportSaved: (name: string) => `已儲存 ${name}`,
  exportCancelled: "已取消匯出。",
  language: "English",
  languageLabel: "Switch the interface to English",
  themeDark: "深色主題",
  themeLight: "淺色主題",
  script: "字體",
  scriptOriginal: "原文",
  scriptHant: "繁體",
  scriptHans: "简体",
  otherEvents: "本文的其他事件",
  eventSources: "此事件的來源",
  zoomIn: "放大",
  zoomOut: "縮小",
  zoomReset: "全部範圍",
  brushHelp: "在時間軸上拖曳以篩選日期範圍",
  error: "發生錯誤",
  retry: "重試",
  filterBar: "目前的篩選",
  removeFilter: (what: string) => `移除 ${what}`,
  mentions: (n: number) => `${n} 個事件`,
  loadIssues: (n: number) => `${n} 個檔案無法讀取`,
  dismiss: "關閉",
  supports: (n: number) => `支持 ${n} 個事件`,
};

export const STRINGS: Record<Lang, Strings> = { en, zh };

/** What an error means to a reader, by its stable code (the core's message follows as detail). */
export const ERROR_TEXT: Partial<Record<ErrorCode, [string, string]>> = {
  corpus_missing: ["The corpus folder is missing.", "找不到語料資料夾。"],
  unknown_article: ["That article is not in this corpus.", "此語料中沒有這篇文章。"],
  unknown_entity: ["No person or company by that name in this corpus.", "此語料中沒有這個人物或公司。"],
  bad_format: ["This export format is not available.", "無法使用這個匯出格式。"],
  bad_date: ["That is not a date.", "這不是有效的日期。"],
  bad_query: ["The request was not understood.", "無法理解這個請求。"],
  index: ["The search index is not available.", "搜尋索引無法使用。"],
  io: ["Storyline could not be reached or could not write the file.", "無法連線到 Storyline，或無法寫入檔案。"],
};

export const KIND_NAMES: Record<EventKind, [string, string]> = {
  organization: ["Organisation", "組織"],
  investment: ["Investment", "投資"],
  hire: ["Hire", "聘任"],
  departure: ["Departure", "離職"],
  layoff: ["Layoff", "裁員"],
  infrastructure: ["Infrastructure", "基礎設施"],
  product: ["Product", "產品"],
  agreement: ["Agreement", "協議"],
  lawsuit: ["Lawsuit", "訴訟"],
  compensation: ["Compensation", "薪酬"],
  statement: ["Statement", "聲明"],
  appointment: ["Appointment", "任命"],
  dismissal: ["Removal", "免職"],
  election: ["Election", "選舉"],
  vote: ["Vote", "表決"],
  arrest: ["Arrest", "拘捕"],
  bail: ["Release", "釋放"],
  ruling: ["Court", "法院"],
  regulation: ["Regulation", "監管"],
  disaster: ["Disaster", "災害"],
  death: ["Casualties", "傷亡"],
  rescue: ["Rescue", "救援"],
  contest: ["Contest", "賽事"],
  meeting: ["Meeting", "會議"],
  announcement: ["Announcement", "宣布"],
  other: ["Other", "其他"],
};

export const STATUS_NAMES: Record<Status, [string, string]> = {
  confirmed: ["Confirmed", "已證實"],
  reported: ["Reported", "報導"],
  rumoured: ["Rumoured", "傳聞"],
  planned: ["Planned", "計劃"],
};

export const ENTITY_KIND_NAMES: Record<EntityKind, [string, string]> = {
  person: ["Person", "人物"],
  organization: ["Company", "公司"],
  facility: ["Facility", "設施"],
  product: ["Product", "產品"],
  media: ["Media", "媒體"],
};

export const PRECISION_NAMES: Record<Precision, [string, string]> = {
  day: ["day", "日"],
  xun: ["ten days", "旬"],
  month: ["month", "月"],
  quarter: ["quarter", "季"],
  half: ["half-year", "半年"],
  year: ["year", "年"],
  vague: ["vague", "模糊"],
};

export const KINDS = Object.keys(KIND_NAMES) as EventKind[];
export const STATUSES = Object.keys(STATUS_NAMES) as Status[];

export function named<T extends string>(table: Record<T, [string, string]>, key: T, lang: Lang): string {
  const pair = table[key];
  return pair ? pair[lang === "en" ? 0 : 1] : key;
}
