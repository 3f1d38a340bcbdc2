// A change the user asks for: one at a time (busy), the API's error or a sentence saying what was done, shown once
// the page's own refresh (``after``) has run, so what the sentence says is already on the page when it appears.
import { ref } from "vue";

export function useAction(after) {
  const error = ref(null);
  const note = ref("");
  const busy = ref(false);
  async function act(call, done) {
    error.value = null;
    note.value = "";
    busy.value = true;
    try {
      const answer = await call();
      const said = done(answer);
      try {
        await after(answer);
      } finally {
        note.value = said;
      }
    } catch (e) {
      error.value = e;
    } finally {
      busy.value = false;
    }
  }
  return { error, note, busy, act };
}
