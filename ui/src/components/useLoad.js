// A page's one call: the answer, a loading flag and the API's error, re-run when its inputs change. Only the latest
// call's answer is shown: an earlier one answering late (a filter changed while the page was loading) is dropped.
import { ref } from "vue";

export function useLoad(call) {
  const data = ref(null);
  const error = ref(null);
  const busy = ref(false);
  let latest = 0;
  async function run(...args) {
    const mine = ++latest;
    busy.value = true;
    error.value = null;
    try {
      const answer = await call(...args);
      if (mine === latest) data.value = answer;
    } catch (e) {
      if (mine === latest) {
        error.value = e;
        data.value = null;
      }
    } finally {
      if (mine === latest) busy.value = false;
    }
  }
  return { data, error, busy, run };
}
