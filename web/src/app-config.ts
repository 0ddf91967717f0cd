/** What the server tells the app about itself (GET /app/config.json): public values only. */
export interface AppConfig {
  googleClientId: string | null;
  microsoftClientId: string | null;
  /** True in embedded mode without SMTP: the check-email page can show the outbox link. */
  outbox: boolean;
}

export const DEFAULT_CONFIG: AppConfig = { googleClientId: null, microsoftClientId: null, outbox: false };

export async function loadAppConfig(): Promise<AppConfig> {
  try {
    const response = await fetch('/app/config.json', { headers: { accept: 'application/json' } });
    return response.ok ? { ...DEFAULT_CONFIG, ...((await response.json()) as Partial<AppConfig>) } : DEFAULT_CONFIG;
  } catch {
    return DEFAULT_CONFIG;
  }
}
