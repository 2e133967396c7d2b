/**
 * Start-up: choose the backend (desktop shell or HTTP), build the window, load the corpus.
 */
import "./styles.css";
import { Actions } from "./actions";
import { App } from "./app";
import { SCRIPT_STARTED } from "./marks";
import { pickBackend } from "./backend/index";
import { Store } from "./store";

performance.mark(SCRIPT_STARTED);
const dark = globalThis.matchMedia?.("(prefers-color-scheme: dark)");
const store = new Store(undefined, { language: navigator.language, prefersDark: dark?.matches ?? false });
dark?.addEventListener("change", (e) => store.systemTheme(e.matches ? "dark" : "light"));
const actions = new Actions(store, pickBackend());
new App(actions).mount(document.getElementById("app")!);
void actions.init();
