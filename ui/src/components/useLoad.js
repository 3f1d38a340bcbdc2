// A page's one call: the answer, a loading flag and the API's error, re-run when its inputs change. Only the latest
// call's answer is shown: an earlier one answering late (a filter changed while the page was loading) is dropped.
import { ref } from "vue";

// Calls as a page makes them (they may overlap); each resolves to [true, answer] if no later call began while it ran,
// else [false] (its answer, or its error, belongs to a filter no longer on the page).
export function newest() {
  let latest = 0;
  return async (call) => {
    const mine = ++latest;
    try {
      const answer = await call();
      return mine === latest ? [true, answer] : [false];
    } catch (e) {
      if (mine === latest) throw e;
      return [false];
    }
  };
}

export function useLoad(call) {
  const data = ref(null);
  const error = ref(null);
  const busy = ref(false);
  const latest = newest();
  async function run(...args) {
    busy.value = true;
    error.value = null;
    try {
      const [fresh, answer] = await latest(() => call(...args));
      if (!fresh) return;
      data.value = answer;
    } catch (e) {
      error.value = e;
      data.value = null;
    }
    busy.value = false;
  }
  return { data, error, busy, run };
}
