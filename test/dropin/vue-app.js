// A Vue 3 host page: Vue renders the tags, binds a property and listens to the widgets' events.
import { createApp } from '/node_modules/vue/dist/vue.esm-browser.prod.js';

const app = createApp({
  data: () => ({ quarter: '2023/24 Q3', errors: [] }),
  template: `<h1>Community Safety Partnership (Vue)</h1>
    <ap-plan name="dropin-vue" src="/demo/data/plan-2023-24.json" readonly today="2024-01-15">
      <ap-report :quarter="quarter"></ap-report>
    </ap-plan>
    <ap-plan name="dropin-vue-missing" src="/demo/data/no-such-plan.json" @ap-error="errors.push($event.detail.message)"></ap-plan>
    <ul id="vue-errors"><li v-for="message in errors">{{ message }}</li></ul>`,
});
// Vue leaves ap- tags to the browser instead of looking for Vue components of that name.
app.config.compilerOptions.isCustomElement = (tag) => tag.startsWith('ap-');
window.vueHost = app.mount('#app');
