// The Chinese names of coded values, fetched once from the service (declared there on the enums).
import { reactive } from "vue";
import { get } from "./api.js";

const table = reactive({});
let loading = null;

export function loadLabels() {
  loading ||= get("/labels").then((answer) => Object.assign(table, answer)).catch(() => { loading = null; });
  return loading;
}

/** zh("Dimension", "individual") → "个案整改"; an unknown value is shown as it is. */
export function zh(kind, value) {
  return table[kind]?.[value] ?? value;
}
