/**
 * Start-up: choose the backend (desktop shell or HTTP), build the window, load the corpus.
 */
import "./styles.css";
import { Actions } from "./actions";
import { App } from "./app";
import { pickBackend } from "./backend/index";
import { Store } from "./store";

const store = new Store(undefined, {
  language: navigator.language,
  prefersDark: matchMedia?.("(prefers-color-scheme: dark)").matches ?? false,
});
const actions = new Actions(store, pickBackend());
new App(actions).mount(document.getElementById("app")!);
void actions.init();
