// custom-elements.json for Storybook autodocs and editors. Tags are registered in src/define.ts (not
// beside each class), so a plugin reads the `elements` map there and names each class's tag.
import { readFileSync } from 'node:fs';

function tagsFromDefine() {
  const source = readFileSync(new URL('./src/define.ts', import.meta.url), 'utf8');
  const tags = new Map();
  for (const [, tag, className] of source.matchAll(/^\s*'(ap-[\w-]+)': (\w+),$/gm)) tags.set(className, tag);
  return {
    name: 'ap-tags-from-define',
    packageLinkPhase({ customElementsManifest }) {
      for (const declaration of customElementsManifest.modules.flatMap((module) => module.declarations ?? [])) {
        const tag = tags.get(declaration.name);
        if (!tag) continue;
        declaration.tagName = tag;
        declaration.customElement = true;
      }
    },
  };
}

export default {
  globs: ['src/components/**/*.ts'],
  exclude: ['src/components/**/*.styles.ts'],
  outdir: '.',
  litelement: true,
  plugins: [tagsFromDefine()],
};
