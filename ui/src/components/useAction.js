// A change the user asks for: one at a time (busy), the API's error or a sentence saying what was done, then the
// page's own refresh (``after``).
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
      note.value = done(answer);
      await after(answer);
    } catch (e) {
      error.value = e;
    } finally {
      busy.value = false;
    }
  }
  return { error, note, busy, act };
}
