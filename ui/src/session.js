// Who is signed in, kept in memory only: the session itself is an HttpOnly cookie the page cannot read.
import { reactive } from "vue";

export const session = reactive({ user: null, csrf: null, checked: false });

export function signedIn(answer) {
  session.user = answer.user;
  session.csrf = answer.csrf_token;
  session.checked = true;
}

export function signedOut() {
  session.user = null;
  session.csrf = null;
  session.checked = true;
}

export const ROLE_ZH = { admin: "管理员", analyst: "分析员", viewer: "查看员" };
export const rank = (role) => ({ viewer: 0, analyst: 1, admin: 2 })[role] ?? -1;
export const atLeast = (role) => session.user && rank(session.user.role) >= rank(role);
