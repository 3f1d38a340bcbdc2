// A page's one call: the answer, a loading flag and the API's error, re-run when its inputs change.
import { ref } from "vue";

export function useLoad(call) {
  const data = ref(null);
  const error = ref(null);
  const busy = ref(false);
  async function run(...args) {
    busy.value = true;
    error.value = null;
    try {
      data.value = await call(...args);
    } catch (e) {
      error.value = e;
      data.value = null;
    } finally {
      busy.value = false;
    }
  }
  return { data, error, busy, run };
}
