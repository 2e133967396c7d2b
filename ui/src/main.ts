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
// The requests go out first: the backend answers while the window is being built.
const loaded = actions.init();
// The window is put in the page once the first answers are in (or after a quarter second, when the
// backend is slow: a first start that builds the index shows the empty shell meanwhile).
// Laying out and painting an empty shell first kept WebKit's web process busy while the answers
// waited, and then it all had to be laid out and painted again: measured in the real window, the
// first timeline came 100–150 ms later that way.
const app = new App(actions);
document.documentElement.setAttribute("data-theme", store.get().theme);
let mounted = false;
const mount = () => {
  if (mounted) return;
  mounted = true;
  app.mount(document.getElementById("app")!);
};
void loaded.finally(mount);
setTimeout(mount, 250);
