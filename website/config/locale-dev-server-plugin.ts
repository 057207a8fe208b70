import type { LoadContext, Plugin } from "@docusaurus/types";

/** webpack's configuration type leaves out `devServer`, which Docusaurus merges into its dev server's options. */
type WithDevServer = ReturnType<NonNullable<Plugin["configureWebpack"]>> & {
  devServer?: Record<string, unknown>;
};

/**
 * `docusaurus start` serves one locale. `npm start` runs a second dev server for the Urdu edition
 * (scripts/start-dev-servers.ts); this plugin joins the two into one site for the browser:
 * - the default locale's server forwards the other edition's paths (`/ur/…`) to that edition's server, so both
 *   share one origin (the auth-server and the profile-api trust only WEBSITE_URL, and the language menu's links
 *   stay same-origin);
 * - the other edition's pages open their hot-reload socket on their own server's port, not on the port the
 *   page came from (which would feed them the English build's updates and reload them in a loop).
 * Only the dev servers use it; a production build holds both locales in one folder and needs neither.
 */
export function localeDevServerPlugin(options: { locale: string; url: string }) {
  return function localeDevServer(context: LoadContext): Plugin {
    const { currentLocale, defaultLocale, localeConfigs } = context.i18n;
    const prefix = (localeConfigs[options.locale]?.baseUrl ?? `/${options.locale}/`).replace(/\/$/, "");
    return {
      name: "textbook-locale-dev-server",
      configureWebpack(_config, isServer): WithDevServer {
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
  };
}
