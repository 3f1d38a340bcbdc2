import { createApp } from "vue";
import App from "./App.vue";
import { onAuthProblem } from "./api.js";
import { router } from "./router.js";
import { session, signedOut } from "./session.js";
import "./style.css";

onAuthProblem((error) => {
  if (error.code === "password_change_required") {
    if (session.user) session.user.must_change_password = true;
    router.push("/password");
    return;
  }
  signedOut();
  const here = router.currentRoute.value;
  if (!here.meta.public) router.push({ path: "/login", query: { next: here.fullPath, reason: error.message } });
});

createApp(App).use(router).mount("#app");
