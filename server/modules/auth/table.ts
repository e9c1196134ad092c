export interface SessionsTable {
  /** sha256 of the cookie's secret: a leaked table does not sign anyone in. */
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}
