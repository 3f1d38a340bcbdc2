// Pages and who may open them. A page the role may not open is never shown; the API refuses it anyway.
import { createRouter, createWebHashHistory } from "vue-router";
import { get } from "./api.js";
import { loadLabels } from "./labels.js";
import { atLeast, session, signedIn, signedOut } from "./session.js";

const routes = [
  { path: "/", redirect: "/dashboard" },
  { path: "/dashboard", component: () => import("./views/DashboardView.vue"), meta: { title: "整改看板" } },
  { path: "/alerts", component: () => import("./views/AlertsView.vue"), meta: { title: "预警", role: "analyst" } },
  { path: "/cases", component: () => import("./views/CasesView.vue"), meta: { title: "一案三改" } },
  { path: "/cases/:ref", component: () => import("./views/CaseView.vue"), meta: { title: "一案三改审查" } },
  { path: "/linkage", component: () => import("./views/LinkageView.vue"), meta: { title: "贯通联动" } },
  { path: "/villages", component: () => import("./views/VillagesView.vue"), meta: { title: "巡前画像" } },
  { path: "/texts", component: () => import("./views/TextQueueView.vue"), meta: { title: "文本待审" } },
  { path: "/villages/:id", component: () => import("./views/VillageView.vue"), meta: { title: "巡前画像" } },
  { path: "/login", component: () => import("./views/LoginView.vue"), meta: { public: true, title: "登录" } },
  { path: "/password", component: () => import("./views/PasswordView.vue"), meta: { title: "修改密码" } },
  { path: "/search", component: () => import("./views/SearchView.vue"), meta: { title: "搜索" } },
  { path: "/entity/:id", component: () => import("./views/EntityView.vue"), meta: { title: "实体" } },
  { path: "/explore/:id?", component: () => import("./views/ExplorerView.vue"), meta: { title: "图谱浏览" } },
  { path: "/analyses/repeats", component: () => import("./views/RepeatsView.vue"), meta: { title: "重复问题" } },
  { path: "/analyses/common", component: () => import("./views/CommonView.vue"), meta: { title: "共性问题" } },
  { path: "/analyses/linked", component: () => import("./views/LinkedView.vue"), meta: { title: "关联问题群" } },
  { path: "/analyses/relatives", component: () => import("./views/RelativesView.vue"),
    meta: { title: "优亲厚友", role: "analyst" } },
  { path: "/load", component: () => import("./views/LoadView.vue"), meta: { title: "数据载入", role: "admin" } },
  { path: "/admin", component: () => import("./views/AdminView.vue"), meta: { title: "管理", role: "admin" } },
  { path: "/:rest(.*)*", component: () => import("./views/NotFoundView.vue"), meta: { public: true, title: "没有这个页面" } },
];

export const router = createRouter({ history: createWebHashHistory(), routes });

async function whoAmI() {
  try {
    signedIn(await get("/auth/me"));
  } catch {
    signedOut();
  }
}

router.beforeEach(async (to) => {
  if (!session.checked) await whoAmI();
  if (to.meta.public) return true;
  if (!session.user) return { path: "/login", query: { next: to.fullPath } };
  if (!session.user.must_change_password) await loadLabels();
  if (session.user.must_change_password && to.path !== "/password") return { path: "/password" };
  if (to.meta.role && !atLeast(to.meta.role)) return { path: "/search", query: { denied: to.meta.title } };
  return true;
});

router.afterEach((to) => {
  document.title = `${to.meta.title || ""} · 巡察知识图谱`;
});
