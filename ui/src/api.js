// One way to call the service: same origin, the session cookie, the CSRF token on every change,
// and the API's own Chinese message when something is refused.
import { session } from "./session.js";

export class ApiError extends Error {
  constructor(status, code, message, detail) {
    super(message);
    this.status = status;
    this.code = code;
    this.detail = detail;
  }
}

const listeners = [];
export function onAuthProblem(fn) {
  listeners.push(fn);
}

function query(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params || {})) {
    if (value === undefined || value === null || value === "") continue;
    if (Array.isArray(value)) value.forEach((v) => search.append(key, v));
    else search.append(key, value);
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

export async function request(method, path, { params, json, form } = {}) {
  const headers = { Accept: "application/json" };
  let body;
  if (json !== undefined) {
    headers["Content-Type"] = "application/json";
    body = JSON.stringify(json);
  } else if (form !== undefined) {
    body = form;
  }
  if (method !== "GET" && session.csrf) headers["X-CSRF-Token"] = session.csrf;
  let response;
  try {
    response = await fetch(path + query(params), { method, headers, body, credentials: "same-origin" });
  } catch {
    throw new ApiError(0, "network", "无法连接服务，请检查网络或稍后再试。");
  }
  if (response.status === 204) return null;
  const data = await response.json().catch(() => null);
  if (!response.ok) {
    const error = new ApiError(response.status, data?.code || "error", data?.message || `请求失败（${response.status}）。`,
      data?.detail);
    if (["unauthenticated", "session_expired", "password_change_required"].includes(error.code)) {
      listeners.forEach((fn) => fn(error));
    }
    throw error;
  }
  return data;
}

export const get = (path, params) => request("GET", path, { params });
export const post = (path, json) => request("POST", path, { json });
export const del = (path) => request("DELETE", path);
export const upload = (path, form) => request("POST", path, { form });
