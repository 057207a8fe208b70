import type { LoadContext, Plugin } from "@docusaurus/types";

/**
 * `docusaurus start` serves one locale. `npm start` runs a second dev server for the Urdu edition
 * (scripts/start-dev-servers.ts); this plugin joins the two into one site for the browser:
 * - the default locale's server forwards the Urdu edition's paths (`/ur/…`) to the Urdu server, so both
 *   editions share one origin (the auth-server and the profile-api trust only WEBSITE_URL, and the locale
 *   dropdown's links stay same-origin);
 * - the Urdu server's pages open their hot-reload socket on the Urdu server's own port, not on the port the
 *   page came from (which would feed them the English build's updates).
 * Only the dev servers use it; a production build has both locales under one folder and needs neither.
 */
export function localeDevServerPlugin(
  context: LoadContext,
  options: { locale: string; url: string },
): Plugin {
  const { currentLocale, defaultLocale, localeConfigs } = context.i18n;
  const prefix = (localeConfigs[options.locale]?.baseUrl ?? `/${options.locale}/`).replace(/\/$/, "");
  return {
    name: "textbook-locale-dev-server",
    configureWebpack(_config, isServer) {
      if (isServer) return {};
      if (currentLocale === defaultLocale) {
        const forwarded = (pathname: string) => pathname === prefix || pathname.startsWith(`${prefix}/`);
        return { devServer: { proxy: [{ context: forwarded, target: options.url }] } };
      }
      if (currentLocale === options.locale) {
        return { devServer: { client: { webSocketURL: { port: Number(new URL(options.url).port) } } } };
      }
      return {};
    },
  };
}
