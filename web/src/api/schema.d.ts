// Generated from the server's OpenAPI document by `npm run openapi:generate`. Do not edit.

export interface paths {
    "/.well-known/jwks.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Public keys of session access tokens */
        get: operations["auth.jwks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List AI agents */
        get: operations["agents.list"];
        put?: never;
        /** Create an AI agent */
        post: operations["agents.create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agents/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get an AI agent */
        get: operations["agents.get"];
        put?: never;
        post?: never;
        /** Delete an AI agent */
        delete: operations["agents.delete"];
        options?: never;
        head?: never;
        /** Update an AI agent */
        patch: operations["agents.update"];
        trace?: never;
    };
    "/api/v1/api-tests/credentials": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List API test credentials */
        get: operations["apiTests.credentials.list"];
        put?: never;
        /**
         * Store an API test credential
         * @description The secret is sealed (AES-256-GCM under the master key) and never returned; the base URL must pass the outbound guard.
         */
        post: operations["apiTests.credentials.create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/api-tests/credentials/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get an API test credential */
        get: operations["apiTests.credentials.get"];
        put?: never;
        post?: never;
        /**
         * Delete an API test credential
         * @description The sealed secret is deleted; the runs made with it stay in the history.
         */
        delete: operations["apiTests.credentials.delete"];
        options?: never;
        head?: never;
        /**
         * Rename an API test credential or change its base URL
         * @description The base URL may change its path, not its origin: that would send the stored secret to another host.
         */
        patch: operations["apiTests.credentials.update"];
        trace?: never;
    };
    "/api/v1/api-tests/credentials/{id}/secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Replace the secret of an API test credential
         * @description Replace-only: the stored secret is never shown, only overwritten.
         */
        put: operations["apiTests.credentials.secret.replace"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/api-tests/runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List API test runs, newest first */
        get: operations["apiTests.runs.list"];
        put?: never;
        /**
         * Run a guarded API check
         * @description Calls baseUrl + path with the credential injected server-side, through the outbound guard (no private addresses, no redirects, 10 s, 1 MiB). A refused or failed call is still recorded and answered 201 with `error`; a secret that does not decrypt is a 409 and nothing is sent. 30 runs per minute per workspace.
         */
        post: operations["apiTests.runs.create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/api-tests/runs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get an API test run */
        get: operations["apiTests.runs.get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit-events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List audit events
         * @description Key and widget-key, member, workspace, sign-in and deletion events, for example `key.revoked` or `sign_in_failed`. Filter by `type` and `actor` (an actor id).
         */
        get: operations["auditEvents.list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/accept-invite": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Accept an invitation
         * @description Joins with the role on the invitation. Creates a verified account (name, password) for a new email; an existing account must send its session token.
         */
        post: operations["auth.acceptInvite"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password-reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Email a password-reset link (1 h, one use)
         * @description Always 202, so the answer never tells whether the address has an account. At most 10 requests per IP per 15 minutes (with sign-ups and the other email-link route), then 429.
         */
        post: operations["auth.passwordReset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password-reset/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Set a new password with the emailed token
         * @description Ends every session of the user.
         */
        post: operations["auth.passwordReset.confirm"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rotate the refresh token for a new access token
         * @description Takes the refresh token from the body or the `woes_refresh` cookie. Reusing a spent token ends the session.
         */
        post: operations["auth.refresh"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create an account
         * @description Answers 202 whether or not the email is taken; a verification link is emailed. At most 10 requests per IP per 15 minutes (with verification resends and password resets), then 429.
         */
        post: operations["auth.register"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/resend-verification": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send the verification link again
         * @description Always 202, so the answer never tells whether the address has an account. At most 10 requests per IP per 15 minutes (with sign-ups and the other email-link route), then 429.
         */
        post: operations["auth.resendVerification"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in
         * @description Email and password, or a Google/Microsoft ID token. Also sets the HttpOnly `woes_refresh` cookie.
         */
        post: operations["auth.signIn"];
        /**
         * Sign out
         * @description Ends the session of the Bearer access token, or of the refresh token in the body or cookie. Clears the cookie.
         */
        delete: operations["auth.signOut"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Sign out everywhere
         * @description Ends every session of the signed-in user.
         */
        delete: operations["auth.signOutEverywhere"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/verify-email": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Verify an email address with the emailed token (24 h, one use)
         * @description Send `password` too, as the web app does: the link then verifies only for whoever knows the password of the sign-up that made it (401 `unauthorized` otherwise, and the link stays usable), so an account someone else registered with your address is not verified with their password by your click.
         */
        post: operations["auth.verifyEmail"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/channels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List channels */
        get: operations["channels.list"];
        put?: never;
        /**
         * Create a channel
         * @description Returns the channel with its inbound `secret` (`whsec_…`, Standard Webhooks), shown only here. The sender signs every request to `inboundUrl` with it.
         */
        post: operations["channels.create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/channels/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a channel */
        get: operations["channels.get"];
        put?: never;
        post?: never;
        /**
         * Delete a channel
         * @description Immediate: its inbound endpoint answers 401 from the next request on. Its conversations stay.
         */
        delete: operations["channels.delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/channels/{id}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rotate a channel's inbound secret
         * @description Returns the new `secret`, shown only here. The previous secret keeps verifying for 24 hours (`previousSecretExpiresAt`), so the sender can switch without losing messages.
         */
        post: operations["channels.rotateSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/conversations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List conversations
         * @description Newest first. Filter by `status`, `customerId` (a `cust_` id), `externalId` or `assigneeId` (a `usr_` id; the filters combine). Each carries its customer, `messageCount` and `lastMessageAt`.
         */
        get: operations["conversations.list"];
        put?: never;
        /**
         * Create a conversation
         * @description `externalId` is unique per workspace (a second create is a 409 carrying the existing `id`). `customer.id` is your own identifier for the customer: the customer is created or updated by it. Send `Idempotency-Key` to retry safely.
         */
        post: operations["conversations.create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/conversations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a conversation */
        get: operations["conversations.get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Update a conversation
         * @description Change `status` (open, pending, closed), `subject` or `assigneeId` (a member of the workspace, or null).
         */
        patch: operations["conversations.update"];
        trace?: never;
    };
    "/api/v1/conversations/{id}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List a conversation's messages
         * @description Newest first, including internal `note`s.
         */
        get: operations["conversations.messages.list"];
        put?: never;
        /**
         * Add a message
         * @description `role`: `user` (the customer; reopens a closed conversation), `agent`, `bot` or `note` (internal, never shown to the customer). The calling key or member is recorded as `author`.
         */
        post: operations["conversations.messages.create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List customers
         * @description Newest first. Filter by `email` (case-insensitive) or `externalId` (your own identifier). Deleted customers are left out.
         */
        get: operations["customers.list"];
        put?: never;
        /**
         * Create a customer
         * @description `externalId` (your own identifier) is unique per workspace: a second create is a 409 carrying the existing `id`.
         */
        post: operations["customers.create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a customer */
        get: operations["customers.get"];
        put?: never;
        post?: never;
        /**
         * Delete a customer
         * @description A customer with conversations is kept for their history but anonymised (name, email, company and externalId cleared, `deletedAt` set).
         */
        delete: operations["customers.delete"];
        options?: never;
        head?: never;
        /**
         * Update a customer
         * @description Send only the fields to change; `null` clears one.
         */
        patch: operations["customers.update"];
        trace?: never;
    };
    "/api/v1/invites": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List pending invitations */
        get: operations["invites.list"];
        put?: never;
        /**
         * Invite someone by email
         * @description Emails a 7-day, one-use link. The role is `admin` or `agent`, never `owner`.
         */
        post: operations["invites.create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invites/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an invitation */
        delete: operations["invites.delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/kb/articles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List articles */
        get: operations["kb.articles.list"];
        put?: never;
        /**
         * Create an article
         * @description Articles start unpublished unless `published` is true; only published articles are searched.
         */
        post: operations["kb.articles.create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/kb/articles/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get an article */
        get: operations["kb.articles.get"];
        put?: never;
        post?: never;
        /** Delete an article */
        delete: operations["kb.articles.delete"];
        options?: never;
        head?: never;
        /** Update an article */
        patch: operations["kb.articles.update"];
        trace?: never;
    };
    "/api/v1/kb/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Search articles
         * @description Ranked full-text search over published articles (title weighs most, then tags, then body). Every word must match; the last also as a prefix. Snippets are HTML: the article text is escaped (`& < > " '`) and matches are wrapped in `<mark>…</mark>`, so a snippet can be inserted as HTML as it is (escaping it again would show the entities).
         */
        get: operations["kb.search"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List API keys */
        get: operations["keys.list"];
        put?: never;
        /**
         * Create an API key
         * @description Returns the key with its `secret`, shown only here. A key may create keys only within its own scopes, and never one that expires after itself (without an expiry, the new key gets the calling key’s).
         */
        post: operations["keys.create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get an API key */
        get: operations["keys.get"];
        put?: never;
        post?: never;
        /**
         * Revoke an API key
         * @description Immediate: the key is refused on the next request, by every instance within a second.
         */
        delete: operations["keys.delete"];
        options?: never;
        head?: never;
        /**
         * Update an API key
         * @description The name and the IP allowlist (`allowedIps`) can change; the key value and scopes stay the same.
         */
        patch: operations["keys.update"];
        trace?: never;
    };
    "/api/v1/keys/{id}/enable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Re-enable a disabled API key
         * @description Undoes the idle-key policy: the key works again and its idle time starts afresh. A revoked key cannot be re-enabled (409).
         */
        post: operations["keys.enable"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/keys/{id}/roll": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Roll an API key
         * @description A new key with the same name and scopes; the old key keeps working for `expiresIn` seconds (0–604800). The new key keeps the old key's lifetime (same duration, from now) unless `newKeyExpiresAt` or `newKeyExpiresIn` sets one; a key never creates or rolls into a key that expires after itself.
         */
        post: operations["keys.roll"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/keys/{id}/usage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An API key's usage
         * @description Requests per day for the last 30 days (UTC), and the last use: time, IP and user agent.
         */
        get: operations["keys.usage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/keys/leaked": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Report leaked API keys (secret scanning partners)
         * @description GitHub's secret scanning partner format: a JSON array of `{token, type, url, source}`, signed with ECDSA P-256 over the raw body (`Github-Public-Key-Identifier`, `Github-Public-Key-Signature`) by a key in WOES_LEAK_REPORT_PUBLIC_KEYS. Live keys are revoked at once and their owners emailed; the answer labels each token `true_positive` or `false_positive` and says nothing else.
         */
        post: operations["keys.leaked"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who is calling
         * @description The credential type, its workspace and scopes: the call to test a connection.
         */
        get: operations["me.get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List members */
        get: operations["members.list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/members/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove a member
         * @description Effective on their next request. Admins cannot remove owners; the last owner cannot leave.
         */
        delete: operations["members.delete"];
        options?: never;
        head?: never;
        /**
         * Change a member's role
         * @description Only owners make or unmake owners; the workspace keeps at least one owner; nobody changes their own role.
         */
        patch: operations["members.update"];
        trace?: never;
    };
    "/api/v1/portal/conversations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in customer's conversations */
        get: operations["portal.conversations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/conversations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One of my conversations with its messages
         * @description Oldest message first; internal notes are never included. Another customer’s conversation is a 404.
         */
        get: operations["portal.conversations.get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/conversations/{id}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reply in one of my conversations
         * @description Written as the customer (`role: user`, author `customer`); reopens a closed conversation.
         */
        post: operations["portal.conversations.messages.create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/magic-link": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Email a portal sign-in link
         * @description Always 202 with the same body, whether or not the workspace has a customer with this email (no enumeration). A live customer of a workspace whose portal is on is emailed a one-use link, valid for 15 minutes. At most 10 requests per IP per 15 minutes; 5 links per recipient per hour from one workspace (and at most 20 from all workspaces together).
         */
        post: operations["portal.magicLink"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Exchange a link token for a portal session
         * @description Spends the emailed `woespl_` token (once, within 15 minutes; with `workspaceId`, only in that portal) and answers a `woesps_` portal session token. The session ends after 30 minutes idle or 12 hours, on sign-out, or when the customer is deleted.
         */
        post: operations["portal.session.create"];
        /** Sign out of the portal */
        delete: operations["portal.session.delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/session/claim": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Confirm a session handed over by the Continue page
         * @description For the portal page: 204 only when this browser pressed Continue for this very session (it holds the short-lived claim cookie the Continue POST set for it: `__Host-woes_portal_claim` over https, `woes_portal_claim` over plain http; an https request is not matched by the unprefixed one), which clears the cookie; 401 otherwise. A page opened with someone else’s session in its URL is therefore not signed in.
         */
        post: operations["portal.session.claim"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List webhook endpoints */
        get: operations["webhooks.list"];
        put?: never;
        /**
         * Create a webhook endpoint
         * @description Returns the `whsec_` signing secret once. The URL must reach a public address; at most 16 endpoints per workspace. Each event delivers its data, so the caller also needs the read scope of every event type subscribed (`conversation.*`: `conversations.read`, `message.*`: `messages.read`, `customer.*`: `customers.read`, `key.*`: `keys.read`); otherwise 403 `insufficient_scope` lists the missing ones.
         */
        post: operations["webhooks.create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a webhook endpoint */
        get: operations["webhooks.get"];
        put?: never;
        post?: never;
        /** Delete a webhook endpoint */
        delete: operations["webhooks.delete"];
        options?: never;
        head?: never;
        /**
         * Change a webhook endpoint
         * @description Setting `status` to `enabled` again clears the failures that disabled it. Setting `events`, or changing `url`, needs the read scope of every event type the endpoint will receive (as on create); otherwise 403 `insufficient_scope`.
         */
        patch: operations["webhooks.update"];
        trace?: never;
    };
    "/api/v1/webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List deliveries
         * @description Newest first, each with its status, attempts, last response status and next attempt.
         */
        get: operations["webhooks.deliveries.list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{id}/deliveries/{deliveryId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a delivery with its attempts */
        get: operations["webhooks.deliveries.get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{id}/deliveries/{deliveryId}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Retry a delivery
         * @description Queues a succeeded or failed delivery for one more attempt now; 409 while it is pending. Sends the event's data again, so it needs the read scope of the event's type (as subscribing does); otherwise 403 `insufficient_scope`.
         */
        post: operations["webhooks.deliveries.retry"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{id}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rotate the signing secret
         * @description Returns the new `whsec_` secret once. For 24 hours every delivery carries two signatures, one per secret.
         */
        post: operations["webhooks.rotateSecret.create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a test ping
         * @description Sends a signed `ping` event now (one attempt) and returns the delivery with its outcome.
         */
        post: operations["webhooks.test.create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/inbound/{channelId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Receive a signed inbound message
         * @description For an email processor or another system: a customer message for the channel, signed with its `whsec_` secret by the Standard Webhooks scheme (`webhook-id`, `webhook-timestamp`, `webhook-signature` over `id.timestamp.body`, ±5 minutes). An unknown channel, a bad or missing signature and a stale timestamp are one 401. A replay of a `webhook-id` is answered 200 with the first result and `duplicate: true`; nothing is written twice. An `api` channel takes `InboundApiMessage`, an `email` channel `InboundEmailMessage`.
         */
        post: operations["channels.receiveInbound"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/widget-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List widget keys */
        get: operations["widgetKeys.list"];
        put?: never;
        /**
         * Create a widget key
         * @description A public `woespk_` key for the widget snippet, accepted only from `allowedOrigins`.
         */
        post: operations["widgetKeys.create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/widget-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke a widget key */
        delete: operations["widgetKeys.delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/widget-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Widget settings */
        get: operations["widgetSettings.get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Require identity verification (or not) */
        patch: operations["widgetSettings.update"];
        trace?: never;
    };
    "/api/v1/widget-settings/identity-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create or rotate the identity secret
         * @description Returns the `woesis_` secret once; the previous secret stops verifying at once. The secret lets its holder act as any identified customer in the widget, so besides `keys.write` the caller must hold `conversations.write`, `messages.write` and `customers.write` (each includes its read scope); otherwise 403 `insufficient_scope` lists the missing scopes.
         */
        post: operations["widgetSettings.rotateIdentitySecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/widget/config": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Widget configuration */
        get: operations["widget.config"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/widget/conversations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A verified visitor's conversations */
        get: operations["widget.conversations.list"];
        put?: never;
        /**
         * Start a conversation from the widget
         * @description Returns the conversation and its `woescs_` history secret (shown once). 10 per hour per IP.
         */
        post: operations["widget.conversations.create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/widget/conversations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One conversation, as the visitor sees it
         * @description Needs `x-woes-conversation-secret`, or the verified identity of its customer. 30 per minute per conversation and IP.
         */
        get: operations["widget.conversations.get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/widget/conversations/{id}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The visitor writes in their conversation
         * @description Answers the conversation with its messages. 20 per minute per conversation and IP.
         */
        post: operations["widget.messages.create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/widget/conversations/{id}/secret/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rotate a conversation's history secret
         * @description The old secret stops working at once.
         */
        post: operations["widget.conversations.rotateSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/widget/kb/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Search published articles from the widget
         * @description 5 per minute per IP.
         */
        get: operations["widget.kb.search"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspace": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The current workspace */
        get: operations["workspace.get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Rename the current workspace */
        patch: operations["workspace.update"];
        trace?: never;
    };
    "/api/v1/workspace/key-policy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The workspace's key policy
         * @description Owners only. Maximum lifetime and required expiry of new keys, idle keys disabled after N days, expiry warnings.
         */
        get: operations["workspace.keyPolicy"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change the workspace's key policy
         * @description Owners only; audited as `key_policy.updated`. Applies to keys created or rolled from now on; the idle-key rule applies to every key.
         */
        patch: operations["workspace.keyPolicy.update"];
        trace?: never;
    };
    "/api/v1/workspace/portal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Portal settings of the current workspace */
        get: operations["workspace.portal"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Turn the customer portal on or off, or name it
         * @description Turning it off ends every portal session at its next request and stops new links.
         */
        patch: operations["workspace.portal.update"];
        trace?: never;
    };
    "/api/v1/workspaces": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List my workspaces
         * @description Every workspace the signed-in user belongs to, with their role.
         */
        get: operations["workspaces.list"];
        put?: never;
        /**
         * Create a workspace
         * @description The signed-in user becomes its owner; it gets the default plan.
         */
        post: operations["workspaces.create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness and dependency status */
        get: operations["health.get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * Agent
         * @example {
         *       "id": "agt_01jd2k8m3q4r5s6t7v8w9x0yze",
         *       "name": "Auth helper",
         *       "instructions": "Answer questions about API keys. Hand over to a person for billing.",
         *       "enabled": true,
         *       "createdAt": "2026-11-22T10:00:00.000Z",
         *       "updatedAt": "2026-11-22T10:00:00.000Z"
         *     }
         */
        Agent: {
            /** Format: date-time */
            createdAt: string;
            enabled: boolean;
            id: string;
            instructions: string;
            name: string;
            /** Format: date-time */
            updatedAt: string;
        };
        /** ApiKey */
        ApiKey: {
            /** @description Addresses and CIDR ranges the key is accepted from; empty: any */
            allowedIps: string[];
            /** Format: date-time */
            createdAt: string;
            createdBy: {
                id: string | null;
                type: string;
            };
            disabledAt: string | null;
            expiresAt: string | null;
            id: string;
            last4: string;
            lastUsedAt: string | null;
            name: string;
            revokedAt: string | null;
            rolledFrom: string | null;
            rolledTo: string | null;
            scopes: string[];
            /** @description True after 90 days without use */
            stale: boolean;
            /** @description The first 10 characters of the key */
            start: string;
        };
        /** ApiKeyWithSecret */
        ApiKeyWithSecret: {
            /** @description Addresses and CIDR ranges the key is accepted from; empty: any */
            allowedIps: string[];
            /** Format: date-time */
            createdAt: string;
            createdBy: {
                id: string | null;
                type: string;
            };
            disabledAt: string | null;
            expiresAt: string | null;
            id: string;
            last4: string;
            lastUsedAt: string | null;
            name: string;
            revokedAt: string | null;
            rolledFrom: string | null;
            rolledTo: string | null;
            scopes: string[];
            /** @description The whole key. Shown only in this response. */
            secret: string;
            /** @description True after 90 days without use */
            stale: boolean;
            /** @description The first 10 characters of the key */
            start: string;
        };
        /** ApiTestCredential */
        ApiTestCredential: {
            authType: "bearer" | "header" | "basic";
            baseUrl: string;
            /** Format: date-time */
            createdAt: string;
            /**
             * @description The secret is stored (sealed); it is never returned.
             * @enum {boolean}
             */
            hasSecret: true;
            headerName: string | null;
            /** @description `atc_…` */
            id: string;
            lastUsedAt: string | null;
            name: string;
            /** Format: date-time */
            updatedAt: string;
        };
        /** ApiTestRun */
        ApiTestRun: {
            /** Format: date-time */
            createdAt: string;
            credentialId: string;
            durationMs: number;
            error: {
                message: string;
                /** @description The guard: blocked_address, dns, scheme, timeout, connect, tls, … */
                reason: string;
            } | null;
            excerpt: string | null;
            expectStatus: number | null;
            /** @description `atr_…` */
            id: string;
            method: string;
            /** @description The status is `expectStatus`, or 2xx when none was given. */
            ok: boolean;
            path: string;
            /** @description Allowlisted headers only (content-type, date, server, x-request-id, retry-after, …), redacted. */
            responseHeaders: {
                [key: string]: string;
            };
            status: number | null;
            /** @description The body was longer than the 1 MiB read cap. */
            truncated: boolean;
        };
        /**
         * Article
         * @example {
         *       "id": "art_01jd2k8m3q4r5s6t7v8w9x0yzd",
         *       "title": "Fixing 401 errors",
         *       "body": "A 401 means the API key is missing, unknown or revoked. Send it as Authorization: Bearer woesk_…",
         *       "tags": [
         *         "auth",
         *         "errors"
         *       ],
         *       "published": true,
         *       "createdAt": "2026-11-22T10:00:00.000Z",
         *       "updatedAt": "2026-11-22T10:00:00.000Z"
         *     }
         */
        Article: {
            body: string;
            /** Format: date-time */
            createdAt: string;
            id: string;
            published: boolean;
            tags: string[];
            title: string;
            /** Format: date-time */
            updatedAt: string;
        };
        /** AuditEvent */
        AuditEvent: {
            actor: {
                id: string | null;
                type: string;
            };
            /** Format: date-time */
            createdAt: string;
            data: {
                [key: string]: unknown;
            };
            id: string;
            ip: string | null;
            target: {
                id: string;
                type: string;
            } | null;
            type: string;
            userAgent: string | null;
        };
        /** Channel */
        Channel: {
            /** Format: date-time */
            createdAt: string;
            /** @example ch_01jd8x3k2m4n5p6q7r8s9t0v1w */
            id: string;
            /** @description Where the sender POSTs signed messages. */
            inboundUrl: string;
            name: string;
            previousSecretExpiresAt: string | null;
            /** @description `api`: structured messages from your system; `email`: parsed emails from an email processor. */
            type: "api" | "email";
            /** Format: date-time */
            updatedAt: string;
        };
        /** ChannelWithSecret */
        ChannelWithSecret: {
            /** Format: date-time */
            createdAt: string;
            /** @example ch_01jd8x3k2m4n5p6q7r8s9t0v1w */
            id: string;
            /** @description Where the sender POSTs signed messages. */
            inboundUrl: string;
            name: string;
            previousSecretExpiresAt: string | null;
            /** @description `whsec_…` (Standard Webhooks): sign inbound requests with it; shown only in this response. */
            secret: string;
            /** @description `api`: structured messages from your system; `email`: parsed emails from an email processor. */
            type: "api" | "email";
            /** Format: date-time */
            updatedAt: string;
        };
        /**
         * Conversation
         * @example {
         *       "id": "conv_01jd2k8m3q4r5s6t7v8w9x0yza",
         *       "externalId": "ticket_123",
         *       "subject": "Need help with auth",
         *       "status": "open",
         *       "customer": {
         *         "id": "cust_01jd2k8m3q4r5s6t7v8w9x0yzb",
         *         "externalId": "cus_123",
         *         "name": "Ada Lovelace",
         *         "email": "ada@example.com",
         *         "company": "Example API Co"
         *       },
         *       "assigneeId": null,
         *       "messageCount": 1,
         *       "lastMessageAt": "2026-11-22T10:00:00.000Z",
         *       "createdAt": "2026-11-22T10:00:00.000Z",
         *       "updatedAt": "2026-11-22T10:00:00.000Z"
         *     }
         */
        Conversation: {
            assigneeId: string | null;
            /** Format: date-time */
            createdAt: string;
            customer: components["schemas"]["CustomerSummary"] | null;
            externalId: string | null;
            id: string;
            lastMessageAt: string | null;
            messageCount: number;
            status: "open" | "pending" | "closed";
            subject: string | null;
            /** Format: date-time */
            updatedAt: string;
        };
        /**
         * Customer
         * @example {
         *       "id": "cust_01jd2k8m3q4r5s6t7v8w9x0yzb",
         *       "externalId": "cus_123",
         *       "name": "Ada Lovelace",
         *       "email": "ada@example.com",
         *       "emailUnverified": false,
         *       "company": "Example API Co",
         *       "deletedAt": null,
         *       "createdAt": "2026-11-22T10:00:00.000Z",
         *       "updatedAt": "2026-11-22T10:00:00.000Z"
         *     }
         */
        Customer: {
            company: string | null;
            /** Format: date-time */
            createdAt: string;
            deletedAt: string | null;
            email: string | null;
            /** @description True when `email` was typed by an anonymous widget visitor: contact information only, never used to find this customer (portal sign-in links, inbound email). Setting `email` with PATCH clears it. */
            emailUnverified: boolean;
            externalId: string | null;
            id: string;
            name: string | null;
            /** Format: date-time */
            updatedAt: string;
        };
        /** CustomerSummary */
        CustomerSummary: {
            company: string | null;
            email: string | null;
            externalId: string | null;
            id: string;
            name: string | null;
        };
        /**
         * Error
         * @description SPEC §4 error body: a stable `code`, a sentence for a person and the request id
         */
        Error: {
            code: string;
            details?: {
                message: string;
                path: string;
            }[];
            error: string;
            id?: string;
            requestId: string;
            requiredScopes?: string[];
        };
        /** IdentitySecretCreated */
        IdentitySecretCreated: {
            /** Format: date-time */
            createdAt: string;
            /** @description woesis_…: put it in your server configuration; shown only in this response. */
            secret: string;
            start: string;
        };
        /**
         * InboundApiMessage
         * @description For an `api` channel: a customer message that starts or continues a conversation.
         */
        InboundApiMessage: {
            body: string;
            /** @description Continue this conversation of the workspace (404 when not) */
            conversationId?: string;
            customer: {
                email?: string;
                /** @description Your customer id */
                externalId?: string;
                name?: string;
            };
            subject?: string;
        };
        /**
         * InboundEmailMessage
         * @description For an `email` channel: a parsed email. It joins the conversation of an earlier inbound email whose `messageId` is its `inReplyTo` or one of its `references`; otherwise it starts one.
         */
        InboundEmailMessage: {
            from: {
                email: string;
                name?: string;
            };
            /** @description An RFC 5322 Message-ID */
            inReplyTo?: string;
            /** @description An RFC 5322 Message-ID */
            messageId: string;
            references?: string[];
            subject?: string;
            text: string;
        };
        /** InboundResult */
        InboundResult: {
            conversationId: string;
            /** @description true: this webhook-id was processed before; nothing new was written */
            duplicate: boolean;
            messageId: string;
        };
        /** Invite */
        Invite: {
            /** Format: date-time */
            createdAt: string;
            email: string;
            /** Format: date-time */
            expiresAt: string;
            id: string;
            invitedBy: {
                id: string | null;
                type: string;
            };
            role: string;
        };
        /** JWKS */
        JWKS: {
            keys: {
                [key: string]: string;
            }[];
        };
        /** KeyPolicy */
        KeyPolicy: {
            disableUnusedDays: number | null;
            maxLifetimeDays: number | null;
            requireExpiry: boolean;
            updatedAt: string | null;
            warnBeforeExpiry: boolean;
        };
        /** KeyUsage */
        KeyUsage: {
            days: {
                date: string;
                requests: number;
            }[];
            keyId: string;
            lastUsedAt: string | null;
            lastUsedIp: string | null;
            lastUsedUserAgent: string | null;
            totalRequests: number;
        };
        /** Me */
        Me: {
            keyId?: string;
            role?: string | null;
            scopes: string[];
            type: "api_key" | "session";
            user?: {
                email: string;
                id: string;
                name: string;
            };
            workspace: {
                id: string;
                name: string;
                plan: string;
            } | null;
        };
        /** Member */
        Member: {
            email: string;
            /** Format: date-time */
            joinedAt: string;
            name: string;
            role: "owner" | "admin" | "agent";
            userId: string;
        };
        /**
         * Message
         * @example {
         *       "id": "msg_01jd2k8m3q4r5s6t7v8w9x0yzc",
         *       "conversationId": "conv_01jd2k8m3q4r5s6t7v8w9x0yza",
         *       "role": "user",
         *       "body": "I am getting a 401 from POST /orders.",
         *       "author": {
         *         "type": "api_key",
         *         "id": "key_01jd2k8m3q4r5s6t7v8w9x0yzf"
         *       },
         *       "createdAt": "2026-11-22T10:00:00.000Z"
         *     }
         */
        Message: {
            author: {
                id: string;
                type: "api_key" | "user" | "customer";
            };
            body: string;
            conversationId: string;
            /** Format: date-time */
            createdAt: string;
            id: string;
            /** @description `user`: the customer; `agent`: a member; `bot`: an AI agent; `note`: internal, never shown to the customer. */
            role: "user" | "agent" | "bot" | "note";
        };
        /** PortalConversation */
        PortalConversation: {
            /** Format: date-time */
            createdAt: string;
            id: string;
            lastMessageAt: string | null;
            messageCount: number;
            status: string;
            subject: string | null;
            /**
             * Format: date-time
             * @description The last change the customer can see: a message that is not an internal note, a status or subject change. Notes and assignments do not move it.
             */
            updatedAt: string;
        };
        /** PortalConversationList */
        PortalConversationList: {
            data: components["schemas"]["PortalConversation"][];
        };
        /** PortalLinkAccepted */
        PortalLinkAccepted: {
            /** @enum {string} */
            status: "accepted";
        };
        /** PortalMessage */
        PortalMessage: {
            body: string;
            /** Format: date-time */
            createdAt: string;
            id: string;
            /** @description `customer`: you; `support`: the team (internal notes are never shown) */
            role: "customer" | "support";
        };
        /** PortalSession */
        PortalSession: {
            /** Format: date-time */
            expiresAt: string;
            /** @description `woesps_…`: send as `Authorization: Bearer` to /api/v1/portal/… only */
            sessionToken: string;
            workspace: {
                id: string;
                name: string;
            };
        };
        /** PortalSettings */
        PortalSettings: {
            displayName: string | null;
            /** @description Whether customers can sign in to the portal (default on) */
            enabled: boolean;
        };
        /** PortalThread */
        PortalThread: {
            conversation: components["schemas"]["PortalConversation"];
            messages: components["schemas"]["PortalMessage"][];
        };
        /** RefreshResult */
        RefreshResult: {
            accessToken: string;
            expiresIn: number;
            refreshToken: string;
            /** @enum {string} */
            tokenType: "Bearer";
        };
        /** SearchHit */
        SearchHit: {
            id: string;
            /** @description Relevance; higher is better. Comparable only within one response. */
            score: number;
            /** @description An excerpt of the body as HTML: the text HTML-escaped (& < > " ') and the matched terms wrapped in <mark>…</mark>, the only markup. Safe to insert as HTML as it is; do not escape it again. */
            snippet: string;
            tags: string[];
            title: string;
            /** Format: date-time */
            updatedAt: string;
        };
        /** SearchResults */
        SearchResults: {
            data: components["schemas"]["SearchHit"][];
        };
        /** SessionResult */
        SessionResult: {
            accessToken: string;
            expiresIn: number;
            refreshToken: string;
            /** @enum {string} */
            tokenType: "Bearer";
            user: components["schemas"]["User"];
            workspace: components["schemas"]["Workspace"] | null;
        };
        /** User */
        User: {
            /** Format: date-time */
            createdAt: string;
            email: string;
            emailVerified: boolean;
            id: string;
            name: string;
        };
        /** WebhookAttempt */
        WebhookAttempt: {
            attempt: number;
            durationMs: number;
            error: string | null;
            responseExcerpt: string | null;
            responseStatus: number | null;
            /** Format: date-time */
            startedAt: string;
        };
        /** WebhookDelivery */
        WebhookDelivery: {
            attempts: number;
            /** Format: date-time */
            createdAt: string;
            endpointId: string;
            /** @description The `webhook-id` header of every attempt */
            eventId: string;
            eventType: string;
            id: string;
            lastAttemptAt: string | null;
            lastError: string | null;
            lastResponseStatus: number | null;
            nextAttemptAt: string | null;
            status: "pending" | "succeeded" | "failed";
        };
        /** WebhookDeliveryWithAttempts */
        WebhookDeliveryWithAttempts: {
            attemptLog: components["schemas"]["WebhookAttempt"][];
            attempts: number;
            /** Format: date-time */
            createdAt: string;
            endpointId: string;
            /** @description The `webhook-id` header of every attempt */
            eventId: string;
            eventType: string;
            id: string;
            lastAttemptAt: string | null;
            lastError: string | null;
            lastResponseStatus: number | null;
            nextAttemptAt: string | null;
            status: "pending" | "succeeded" | "failed";
        };
        /**
         * WebhookEndpoint
         * @example {
         *       "id": "whe_01jbx3k0000000000000000000",
         *       "url": "https://hooks.example.com/woes",
         *       "description": "CRM sync",
         *       "events": [
         *         "conversation.created",
         *         "message.created"
         *       ],
         *       "status": "enabled",
         *       "disabledReason": null,
         *       "previousSecretExpiresAt": null,
         *       "createdAt": "2026-11-23T09:00:00.000Z",
         *       "updatedAt": "2026-11-23T09:00:00.000Z"
         *     }
         */
        WebhookEndpoint: {
            /** Format: date-time */
            createdAt: string;
            description: string | null;
            disabledReason: string | null;
            events: components["schemas"]["WebhookEventType"][];
            id: string;
            previousSecretExpiresAt: string | null;
            status: "enabled" | "disabled";
            /** Format: date-time */
            updatedAt: string;
            url: string;
        };
        /** WebhookEndpointWithSecret */
        WebhookEndpointWithSecret: {
            /** Format: date-time */
            createdAt: string;
            description: string | null;
            disabledReason: string | null;
            events: components["schemas"]["WebhookEventType"][];
            id: string;
            previousSecretExpiresAt: string | null;
            /** @description The `whsec_…` signing secret. Shown only in this response. */
            secret: string;
            status: "enabled" | "disabled";
            /** Format: date-time */
            updatedAt: string;
            url: string;
        };
        /**
         * WebhookEventType
         * @description A webhook event type; the delivered `data` is the resource the event names, as the API returns it.
         * @enum {string}
         */
        WebhookEventType: "conversation.created" | "conversation.updated" | "message.created" | "customer.created" | "key.revoked" | "key.expiring";
        /** WidgetConversation */
        WidgetConversation: {
            /** Format: date-time */
            createdAt: string;
            id: string;
            /** @description The latest 100 messages, oldest first; notes are never included. */
            messages: {
                body: string;
                /** Format: date-time */
                createdAt: string;
                id: string;
                role: "user" | "agent" | "bot";
            }[];
            status: string;
            /**
             * Format: date-time
             * @description The last change the customer can see: a message that is not an internal note, a status or subject change. Notes and assignments do not move it.
             */
            updatedAt: string;
            /** @description Started by an identified visitor. */
            verified: boolean;
        };
        /** WidgetKey */
        WidgetKey: {
            allowedOrigins: string[];
            /** Format: date-time */
            createdAt: string;
            createdBy: {
                id: string | null;
                type: string;
            };
            id: string;
            last4: string;
            /** @description For mobile apps: accepted without an Origin header, and only with identity verification. */
            mobile: boolean;
            name: string;
            revokedAt: string | null;
            start: string;
        };
        /** WidgetKeyWithKey */
        WidgetKeyWithKey: {
            allowedOrigins: string[];
            /** Format: date-time */
            createdAt: string;
            createdBy: {
                id: string | null;
                type: string;
            };
            id: string;
            /** @description The woespk_ key for the widget snippet. Shown only in this response. */
            key: string;
            last4: string;
            /** @description For mobile apps: accepted without an Origin header, and only with identity verification. */
            mobile: boolean;
            name: string;
            revokedAt: string | null;
            start: string;
        };
        /** WidgetSettings */
        WidgetSettings: {
            identitySecret: {
                /** Format: date-time */
                createdAt: string;
                start: string;
            } | null;
            requireVerification: boolean;
        };
        /** Workspace */
        Workspace: {
            /** Format: date-time */
            createdAt: string;
            id: string;
            name: string;
            plan: string;
            role?: "owner" | "admin" | "agent";
            /** Format: date-time */
            updatedAt: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: {
        /** @description The caller’s `x-correlation-id` when it is 1–128 safe characters, otherwise a new one; also the `requestId` of an error body. */
        CorrelationId: string;
        /** @description `true` when this is the stored answer to an earlier request with the same `Idempotency-Key`; nothing new was created. */
        IdempotentReplayed: "true";
        /** @description Requests the API key may make in the current window. */
        RateLimitLimit: number;
        /** @description Requests left in the current window. */
        RateLimitRemaining: number;
        /** @description Seconds until the window resets. */
        RateLimitReset: number;
        /** @description Seconds to wait before trying again. */
        RetryAfter: number;
        /** @description `Bearer realm="woes"` with RFC 6750’s `error` (`invalid_token`, `insufficient_scope` with `scope`). */
        WWWAuthenticate: string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    "auth.jwks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The public keys that verify session tokens */
            200: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JWKS"];
                };
            };
        };
    };
    "agents.list": {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: {
                /** @description The workspace to act in (a `ws_` id). Required with a session token; with an API key it may be left out, and must name the key’s own workspace when sent. */
                "x-workspace-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of agents, newest first; `nextCursor` fetches the next page */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Agent"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The body, query or a header is malformed (`details` lists each problem), or `x-workspace-id` is missing with a session token */
            400: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired (`key_expired`, `token_expired`), disabled or revoked */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope (`insufficient_scope`), the role may not do this or `x-workspace-id` names another workspace (`forbidden`), the plan has no API access (`plan_required`) or the client IP is not allowed (`ip_not_allowed`) */
            403: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to come back */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "agents.create": {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeat a create safely: within 24 hours the same key and body return the first response. */
                "idempotency-key"?: string;
                /** @description The workspace to act in (a `ws_` id). Required with a session token; with an API key it may be left out, and must name the key’s own workspace when sent. */
                "x-workspace-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "Auth helper",
                 *       "instructions": "Answer questions about API keys.",
                 *       "enabled": true
                 *     }
                 */
                "application/json": {
                    /** @default true */
                    enabled?: boolean;
                    instructions?: string;
                    name: string;
                };
            };
        };
        responses: {
            /** @description The new agent */
            201: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "agt_01jd2k8m3q4r5s6t7v8w9x0yze",
                     *       "name": "Auth helper",
                     *       "instructions": "Answer questions about API keys. Hand over to a person for billing.",
                     *       "enabled": true,
                     *       "createdAt": "2026-11-22T10:00:00.000Z",
                     *       "updatedAt": "2026-11-22T10:00:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["Agent"];
                };
            };
            /** @description The body, query or a header is malformed (`details` lists each problem), or `x-workspace-id` is missing with a session token */
            400: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired (`key_expired`, `token_expired`), disabled or revoked */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope (`insufficient_scope`), the role may not do this or `x-workspace-id` names another workspace (`forbidden`), the plan has no API access (`plan_required`) or the client IP is not allowed (`ip_not_allowed`) */
            403: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to come back */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "agents.get": {
        parameters: {
            query?: never;
            header?: {
                /** @description The workspace to act in (a `ws_` id). Required with a session token; with an API key it may be left out, and must name the key’s own workspace when sent. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The agent */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "agt_01jd2k8m3q4r5s6t7v8w9x0yze",
                     *       "name": "Auth helper",
                     *       "instructions": "Answer questions about API keys. Hand over to a person for billing.",
                     *       "enabled": true,
                     *       "createdAt": "2026-11-22T10:00:00.000Z",
                     *       "updatedAt": "2026-11-22T10:00:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["Agent"];
                };
            };
            /** @description The body, query or a header is malformed (`details` lists each problem), or `x-workspace-id` is missing with a session token */
            400: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired (`key_expired`, `token_expired`), disabled or revoked */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope (`insufficient_scope`), the role may not do this or `x-workspace-id` names another workspace (`forbidden`), the plan has no API access (`plan_required`) or the client IP is not allowed (`ip_not_allowed`) */
            403: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such object in this workspace */
            404: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to come back */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "agents.delete": {
        parameters: {
            query?: never;
            header?: {
                /** @description The workspace to act in (a `ws_` id). Required with a session token; with an API key it may be left out, and must name the key’s own workspace when sent. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The body, query or a header is malformed (`details` lists each problem), or `x-workspace-id` is missing with a session token */
            400: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired (`key_expired`, `token_expired`), disabled or revoked */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope (`insufficient_scope`), the role may not do this or `x-workspace-id` names another workspace (`forbidden`), the plan has no API access (`plan_required`) or the client IP is not allowed (`ip_not_allowed`) */
            403: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such object in this workspace */
            404: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to come back */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "agents.update": {
        parameters: {
            query?: never;
            header?: {
                /** @description The workspace to act in (a `ws_` id). Required with a session token; with an API key it may be left out, and must name the key’s own workspace when sent. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "enabled": false
                 *     }
                 */
                "application/json": {
                    enabled?: boolean;
                    instructions?: string;
                    name?: string;
                };
            };
        };
        responses: {
            /** @description The agent as it is now */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "agt_01jd2k8m3q4r5s6t7v8w9x0yze",
                     *       "name": "Auth helper",
                     *       "instructions": "Answer questions about API keys. Hand over to a person for billing.",
                     *       "enabled": true,
                     *       "createdAt": "2026-11-22T10:00:00.000Z",
                     *       "updatedAt": "2026-11-22T10:00:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["Agent"];
                };
            };
            /** @description The body, query or a header is malformed (`details` lists each problem), or `x-workspace-id` is missing with a session token */
            400: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired (`key_expired`, `token_expired`), disabled or revoked */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope (`insufficient_scope`), the role may not do this or `x-workspace-id` names another workspace (`forbidden`), the plan has no API access (`plan_required`) or the client IP is not allowed (`ip_not_allowed`) */
            403: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such object in this workspace */
            404: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to come back */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "apiTests.credentials.list": {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: {
                /** @description The workspace to act in (a `ws_` id). Required with a session token; with an API key it may be left out, and must name the key’s own workspace when sent. */
                "x-workspace-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of credentials, newest first; `nextCursor` fetches the next page */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["ApiTestCredential"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The body, query or a header is malformed (`details` lists each problem), or `x-workspace-id` is missing with a session token */
            400: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired (`key_expired`, `token_expired`), disabled or revoked */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope (`insufficient_scope`), the role may not do this or `x-workspace-id` names another workspace (`forbidden`), the plan has no API access (`plan_required`) or the client IP is not allowed (`ip_not_allowed`) */
            403: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to come back */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "apiTests.credentials.create": {
        parameters: {
            query?: never;
            header?: {
                /** @description The workspace to act in (a `ws_` id). Required with a session token; with an API key it may be left out, and must name the key’s own workspace when sent. */
                "x-workspace-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "Production API (read-only key)",
                 *       "baseUrl": "https://api.example.com/v1",
                 *       "auth": {
                 *         "type": "header",
                 *         "headerName": "x-api-key",
                 *         "secret": "sk_live_example_0000"
                 *       }
                 *     }
                 */
                "application/json": {
                    auth: {
                        /** @description Required for type `header` (e.g. `x-api-key`). */
                        headerName?: string;
                        /** @description Write-only. bearer/header: the header value; basic: `user:password`. Never returned. */
                        secret: string;
                        type: "bearer" | "header" | "basic";
                    };
                    /** @description http(s) URL the run paths are joined to; checked by the outbound guard when saved and on each run. */
                    baseUrl: string;
                    name: string;
                };
            };
        };
        responses: {
            /** @description The new credential */
            201: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiTestCredential"];
                };
            };
            /** @description The body, query or a header is malformed (`details` lists each problem), or `x-workspace-id` is missing with a session token */
            400: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired (`key_expired`, `token_expired`), disabled or revoked */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope (`insufficient_scope`), the role may not do this or `x-workspace-id` names another workspace (`forbidden`), the plan has no API access (`plan_required`) or the client IP is not allowed (`ip_not_allowed`) */
            403: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to come back */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "apiTests.credentials.get": {
        parameters: {
            query?: never;
            header?: {
                /** @description The workspace to act in (a `ws_` id). Required with a session token; with an API key it may be left out, and must name the key’s own workspace when sent. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The credential */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiTestCredential"];
                };
            };
            /** @description The body, query or a header is malformed (`details` lists each problem), or `x-workspace-id` is missing with a session token */
            400: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired (`key_expired`, `token_expired`), disabled or revoked */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope (`insufficient_scope`), the role may not do this or `x-workspace-id` names another workspace (`forbidden`), the plan has no API access (`plan_required`) or the client IP is not allowed (`ip_not_allowed`) */
            403: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such object in this workspace */
            404: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to come back */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "apiTests.credentials.delete": {
        parameters: {
            query?: never;
            header?: {
                /** @description The workspace to act in (a `ws_` id). Required with a session token; with an API key it may be left out, and must name the key’s own workspace when sent. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The credential is deleted (no body) */
            204: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The body, query or a header is malformed (`details` lists each problem), or `x-workspace-id` is missing with a session token */
            400: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired (`key_expired`, `token_expired`), disabled or revoked */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope (`insufficient_scope`), the role may not do this or `x-workspace-id` names another workspace (`forbidden`), the plan has no API access (`plan_required`) or the client IP is not allowed (`ip_not_allowed`) */
            403: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such object in this workspace */
            404: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to come back */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "apiTests.credentials.update": {
        parameters: {
            query?: never;
            header?: {
                /** @description The workspace to act in (a `ws_` id). Required with a session token; with an API key it may be left out, and must name the key’s own workspace when sent. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "Staging API"
                 *     }
                 */
                "application/json": {
                    baseUrl?: string;
                    name?: string;
                };
            };
        };
        responses: {
            /** @description The credential as it is now */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiTestCredential"];
                };
            };
            /** @description The body, query or a header is malformed (`details` lists each problem), or `x-workspace-id` is missing with a session token */
            400: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired (`key_expired`, `token_expired`), disabled or revoked */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope (`insufficient_scope`), the role may not do this or `x-workspace-id` names another workspace (`forbidden`), the plan has no API access (`plan_required`) or the client IP is not allowed (`ip_not_allowed`) */
            403: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such object in this workspace */
            404: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to come back */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "apiTests.credentials.secret.replace": {
        parameters: {
            query?: never;
            header?: {
                /** @description The workspace to act in (a `ws_` id). Required with a session token; with an API key it may be left out, and must name the key’s own workspace when sent. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "secret": "sk_live_example_0001"
                 *     }
                 */
                "application/json": {
                    /** @description Write-only. bearer/header: the header value; basic: `user:password`. Never returned. */
                    secret: string;
                };
            };
        };
        responses: {
            /** @description The result of apiTests.credentials.secret.replace */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiTestCredential"];
                };
            };
            /** @description The body, query or a header is malformed (`details` lists each problem), or `x-workspace-id` is missing with a session token */
            400: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired (`key_expired`, `token_expired`), disabled or revoked */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope (`insufficient_scope`), the role may not do this or `x-workspace-id` names another workspace (`forbidden`), the plan has no API access (`plan_required`) or the client IP is not allowed (`ip_not_allowed`) */
            403: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such object in this workspace */
            404: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to come back */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "apiTests.runs.list": {
        parameters: {
            query?: {
                credentialId?: string;
                cursor?: string;
                limit?: number;
            };
            header?: {
                /** @description The workspace to act in (a `ws_` id). Required with a session token; with an API key it may be left out, and must name the key’s own workspace when sent. */
                "x-workspace-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of runs, newest first; `nextCursor` fetches the next page */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["ApiTestRun"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The body, query or a header is malformed (`details` lists each problem), or `x-workspace-id` is missing with a session token */
            400: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired (`key_expired`, `token_expired`), disabled or revoked */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope (`insufficient_scope`), the role may not do this or `x-workspace-id` names another workspace (`forbidden`), the plan has no API access (`plan_required`) or the client IP is not allowed (`ip_not_allowed`) */
            403: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to come back */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "apiTests.runs.create": {
        parameters: {
            query?: never;
            header?: {
                /** @description The workspace to act in (a `ws_` id). Required with a session token; with an API key it may be left out, and must name the key’s own workspace when sent. */
                "x-workspace-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "credentialId": "atc_01jd0000000000000000000000",
                 *       "method": "GET",
                 *       "path": "/me",
                 *       "expectStatus": 200
                 *     }
                 */
                "application/json": {
                    credentialId: string;
                    expectStatus?: number;
                    method: "GET" | "HEAD";
                    /** @description Starts with `/`, joined to the base URL; no scheme, host, `..` or fragment. */
                    path: string;
                };
            };
        };
        responses: {
            /** @description The new run */
            201: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiTestRun"];
                };
            };
            /** @description The body, query or a header is malformed (`details` lists each problem), or `x-workspace-id` is missing with a session token */
            400: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired (`key_expired`, `token_expired`), disabled or revoked */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope (`insufficient_scope`), the role may not do this or `x-workspace-id` names another workspace (`forbidden`), the plan has no API access (`plan_required`) or the client IP is not allowed (`ip_not_allowed`) */
            403: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The stored secret does not decrypt (altered or sealed under another key); nothing was sent */
            409: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to come back */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "apiTests.runs.get": {
        parameters: {
            query?: never;
            header?: {
                /** @description The workspace to act in (a `ws_` id). Required with a session token; with an API key it may be left out, and must name the key’s own workspace when sent. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The run */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiTestRun"];
                };
            };
            /** @description The body, query or a header is malformed (`details` lists each problem), or `x-workspace-id` is missing with a session token */
            400: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired (`key_expired`, `token_expired`), disabled or revoked */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope (`insufficient_scope`), the role may not do this or `x-workspace-id` names another workspace (`forbidden`), the plan has no API access (`plan_required`) or the client IP is not allowed (`ip_not_allowed`) */
            403: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such object in this workspace */
            404: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to come back */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "auditEvents.list": {
        parameters: {
            query?: {
                actor?: string;
                cursor?: string;
                limit?: number;
                type?: string;
            };
            header?: {
                /** @description The workspace to act in (a `ws_` id). Required with a session token; with an API key it may be left out, and must name the key’s own workspace when sent. */
                "x-workspace-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of audit events, newest first; `nextCursor` fetches the next page */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["AuditEvent"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The body, query or a header is malformed (`details` lists each problem), or `x-workspace-id` is missing with a session token */
            400: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired (`key_expired`, `token_expired`), disabled or revoked */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope (`insufficient_scope`), the role may not do this or `x-workspace-id` names another workspace (`forbidden`), the plan has no API access (`plan_required`) or the client IP is not allowed (`ip_not_allowed`) */
            403: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to come back */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "auth.acceptInvite": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    password?: string;
                    token: string;
                };
            };
        };
        responses: {
            /** @description Joined: the user and the workspace */
            200: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        user: components["schemas"]["User"];
                        workspace: components["schemas"]["Workspace"];
                    };
                };
            };
            /** @description The body is malformed; `details` lists each problem */
            400: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credentials, token or link are wrong, spent or expired */
            401: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The email is not verified yet (`email_not_verified`) or the account may not do this */
            403: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The request conflicts with the current state (for example the email is already a member) */
            409: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to come back */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database (or another required service) is unreachable */
            503: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "auth.passwordReset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: email */
                    email: string;
                };
            };
        };
        responses: {
            /** @description Accepted; a link is emailed when the address has an account */
            202: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "accepted";
                    };
                };
            };
            /** @description The body is malformed; `details` lists each problem */
            400: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credentials, token or link are wrong, spent or expired */
            401: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The email is not verified yet (`email_not_verified`) or the account may not do this */
            403: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The request conflicts with the current state (for example the email is already a member) */
            409: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to come back */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database (or another required service) is unreachable */
            503: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "auth.passwordReset.confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    password: string;
                    token: string;
                };
            };
        };
        responses: {
            /** @description The password is changed and every session of the user has ended */
            204: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The body is malformed; `details` lists each problem */
            400: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credentials, token or link are wrong, spent or expired */
            401: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The email is not verified yet (`email_not_verified`) or the account may not do this */
            403: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The request conflicts with the current state (for example the email is already a member) */
            409: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to come back */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database (or another required service) is unreachable */
            503: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "auth.refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    refreshToken?: string;
                };
            };
        };
        responses: {
            /** @description A new access token and a new refresh token; the old refresh token is spent */
            200: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RefreshResult"];
                };
            };
            /** @description The body is malformed; `details` lists each problem */
            400: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credentials, token or link are wrong, spent or expired */
            401: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The email is not verified yet (`email_not_verified`) or the account may not do this */
            403: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The request conflicts with the current state (for example the email is already a member) */
            409: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to come back */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database (or another required service) is unreachable */
            503: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "auth.register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: email */
                    email: string;
                    name: string;
                    password: string;
                    workspaceName?: string;
                };
            };
        };
        responses: {
            /** @description Accepted, whether or not the email is taken; a verification link is emailed to a new address */
            202: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "accepted";
                    };
                };
            };
            /** @description The body is malformed; `details` lists each problem */
            400: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credentials, token or link are wrong, spent or expired */
            401: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The email is not verified yet (`email_not_verified`) or the account may not do this */
            403: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The request conflicts with the current state (for example the email is already a member) */
            409: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to come back */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database (or another required service) is unreachable */
            503: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "auth.resendVerification": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: email */
                    email: string;
                };
            };
        };
        responses: {
            /** @description Accepted; a link is emailed when the address awaits verification */
            202: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "accepted";
                    };
                };
            };
            /** @description The body is malformed; `details` lists each problem */
            400: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credentials, token or link are wrong, spent or expired */
            401: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The email is not verified yet (`email_not_verified`) or the account may not do this */
            403: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The request conflicts with the current state (for example the email is already a member) */
            409: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to come back */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database (or another required service) is unreachable */
            503: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "auth.signIn": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: email */
                    email: string;
                    password: string;
                    /** @enum {string} */
                    provider: "local";
                    workspaceId?: string;
                } | {
                    idToken: string;
                    provider: "google" | "microsoft";
                    workspaceId?: string;
                };
            };
        };
        responses: {
            /** @description Signed in: an access token, a refresh token (also set as the `woes_refresh` cookie), the user and workspace */
            200: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionResult"];
                };
            };
            /** @description The body is malformed; `details` lists each problem */
            400: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credentials, token or link are wrong, spent or expired */
            401: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The email is not verified yet (`email_not_verified`) or the account may not do this */
            403: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The request conflicts with the current state (for example the email is already a member) */
            409: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to come back */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database (or another required service) is unreachable */
            503: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "auth.signOut": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    refreshToken?: string;
                };
            };
        };
        responses: {
            /** @description Signed out; the refresh cookie is cleared */
            204: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The body is malformed; `details` lists each problem */
            400: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credentials, token or link are wrong, spent or expired */
            401: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The email is not verified yet (`email_not_verified`) or the account may not do this */
            403: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The request conflicts with the current state (for example the email is already a member) */
            409: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to come back */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database (or another required service) is unreachable */
            503: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "auth.signOutEverywhere": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every session of the user has ended */
            204: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The body, query or a header is malformed (`details` lists each problem), or `x-workspace-id` is missing with a session token */
            400: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired (`key_expired`, `token_expired`), disabled or revoked */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope (`insufficient_scope`), the role may not do this or `x-workspace-id` names another workspace (`forbidden`), the plan has no API access (`plan_required`) or the client IP is not allowed (`ip_not_allowed`) */
            403: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to come back */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "auth.verifyEmail": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    password?: string;
                    token: string;
                };
            };
        };
        responses: {
            /** @description The email is verified; the user it belongs to */
            200: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        user: components["schemas"]["User"];
                    };
                };
            };
            /** @description The body is malformed; `details` lists each problem */
            400: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credentials, token or link are wrong, spent or expired */
            401: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The email is not verified yet (`email_not_verified`) or the account may not do this */
            403: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The request conflicts with the current state (for example the email is already a member) */
            409: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to come back */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database (or another required service) is unreachable */
            503: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "channels.list": {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: {
                /** @description The workspace to act in (a `ws_` id). Required with a session token; with an API key it may be left out, and must name the key’s own workspace when sent. */
                "x-workspace-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of channels, newest first; `nextCursor` fetches the next page */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Channel"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The body, query or a header is malformed (`details` lists each problem), or `x-workspace-id` is missing with a session token */
            400: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired (`key_expired`, `token_expired`), disabled or revoked */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope (`insufficient_scope`), the role may not do this or `x-workspace-id` names another workspace (`forbidden`), the plan has no API access (`plan_required`) or the client IP is not allowed (`ip_not_allowed`) */
            403: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to come back */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "channels.create": {
        parameters: {
            query?: never;
            header?: {
                /** @description The workspace to act in (a `ws_` id). Required with a session token; with an API key it may be left out, and must name the key’s own workspace when sent. */
                "x-workspace-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "type": "email",
                 *       "name": "Support mailbox"
                 *     }
                 */
                "application/json": {
                    name: string;
                    /** @description `api`: structured messages from your system; `email`: parsed emails from an email processor. */
                    type: "api" | "email";
                };
            };
        };
        responses: {
            /** @description The new channel */
            201: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChannelWithSecret"];
                };
            };
            /** @description The body, query or a header is malformed (`details` lists each problem), or `x-workspace-id` is missing with a session token */
            400: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired (`key_expired`, `token_expired`), disabled or revoked */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope (`insufficient_scope`), the role may not do this or `x-workspace-id` names another workspace (`forbidden`), the plan has no API access (`plan_required`) or the client IP is not allowed (`ip_not_allowed`) */
            403: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to come back */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "channels.get": {
        parameters: {
            query?: never;
            header?: {
                /** @description The workspace to act in (a `ws_` id). Required with a session token; with an API key it may be left out, and must name the key’s own workspace when sent. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The channel */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Channel"];
                };
            };
            /** @description The body, query or a header is malformed (`details` lists each problem), or `x-workspace-id` is missing with a session token */
            400: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired (`key_expired`, `token_expired`), disabled or revoked */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope (`insufficient_scope`), the role may not do this or `x-workspace-id` names another workspace (`forbidden`), the plan has no API access (`plan_required`) or the client IP is not allowed (`ip_not_allowed`) */
            403: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such object in this workspace */
            404: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to come back */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "channels.delete": {
        parameters: {
            query?: never;
            header?: {
                /** @description The workspace to act in (a `ws_` id). Required with a session token; with an API key it may be left out, and must name the key’s own workspace when sent. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The channel is deleted (no body) */
            204: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The body, query or a header is malformed (`details` lists each problem), or `x-workspace-id` is missing with a session token */
            400: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired (`key_expired`, `token_expired`), disabled or revoked */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope (`insufficient_scope`), the role may not do this or `x-workspace-id` names another workspace (`forbidden`), the plan has no API access (`plan_required`) or the client IP is not allowed (`ip_not_allowed`) */
            403: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such object in this workspace */
            404: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to come back */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "channels.rotateSecret": {
        parameters: {
            query?: never;
            header?: {
                /** @description The workspace to act in (a `ws_` id). Required with a session token; with an API key it may be left out, and must name the key’s own workspace when sent. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The channel with its new `secret`, shown only here; the previous secret keeps verifying for 24 hours */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChannelWithSecret"];
                };
            };
            /** @description The body, query or a header is malformed (`details` lists each problem), or `x-workspace-id` is missing with a session token */
            400: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired (`key_expired`, `token_expired`), disabled or revoked */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope (`insufficient_scope`), the role may not do this or `x-workspace-id` names another workspace (`forbidden`), the plan has no API access (`plan_required`) or the client IP is not allowed (`ip_not_allowed`) */
            403: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such object in this workspace */
            404: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to come back */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "conversations.list": {
        parameters: {
            query?: {
                /** @description A `usr_` id: the conversations assigned to that member. */
                assigneeId?: string;
                cursor?: string;
                customerId?: string;
                externalId?: string;
                limit?: number;
                status?: "open" | "pending" | "closed";
            };
            header?: {
                /** @description The workspace to act in (a `ws_` id). Required with a session token; with an API key it may be left out, and must name the key’s own workspace when sent. */
                "x-workspace-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of conversations, newest first; `nextCursor` fetches the next page */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Conversation"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The body, query or a header is malformed (`details` lists each problem), or `x-workspace-id` is missing with a session token */
            400: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired (`key_expired`, `token_expired`), disabled or revoked */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope (`insufficient_scope`), the role may not do this or `x-workspace-id` names another workspace (`forbidden`), the plan has no API access (`plan_required`) or the client IP is not allowed (`ip_not_allowed`) */
            403: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to come back */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "conversations.create": {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeat a create safely: within 24 hours the same key and body return the first response. */
                "idempotency-key"?: string;
                /** @description The workspace to act in (a `ws_` id). Required with a session token; with an API key it may be left out, and must name the key’s own workspace when sent. */
                "x-workspace-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "externalId": "ticket_123",
                 *       "subject": "Need help with auth",
                 *       "customer": {
                 *         "id": "cus_123",
                 *         "name": "Ada Lovelace",
                 *         "email": "ada@example.com",
                 *         "company": "Example API Co"
                 *       }
                 *     }
                 */
                "application/json": {
                    customer?: {
                        company?: string;
                        /** Format: email */
                        email?: string;
                        id: string;
                        name?: string;
                    };
                    externalId?: string;
                    subject?: string;
                };
            };
        };
        responses: {
            /** @description The new conversation */
            201: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "conv_01jd2k8m3q4r5s6t7v8w9x0yza",
                     *       "externalId": "ticket_123",
                     *       "subject": "Need help with auth",
                     *       "status": "open",
                     *       "customer": {
                     *         "id": "cust_01jd2k8m3q4r5s6t7v8w9x0yzb",
                     *         "externalId": "cus_123",
                     *         "name": "Ada Lovelace",
                     *         "email": "ada@example.com",
                     *         "company": "Example API Co"
                     *       },
                     *       "assigneeId": null,
                     *       "messageCount": 1,
                     *       "lastMessageAt": "2026-11-22T10:00:00.000Z",
                     *       "createdAt": "2026-11-22T10:00:00.000Z",
                     *       "updatedAt": "2026-11-22T10:00:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["Conversation"];
                };
            };
            /** @description The body, query or a header is malformed (`details` lists each problem), or `x-workspace-id` is missing with a session token */
            400: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired (`key_expired`, `token_expired`), disabled or revoked */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope (`insufficient_scope`), the role may not do this or `x-workspace-id` names another workspace (`forbidden`), the plan has no API access (`plan_required`) or the client IP is not allowed (`ip_not_allowed`) */
            403: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A unique field is taken; the body carries the existing object’s `id` */
            409: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to come back */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "conversations.get": {
        parameters: {
            query?: never;
            header?: {
                /** @description The workspace to act in (a `ws_` id). Required with a session token; with an API key it may be left out, and must name the key’s own workspace when sent. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The conversation */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "conv_01jd2k8m3q4r5s6t7v8w9x0yza",
                     *       "externalId": "ticket_123",
                     *       "subject": "Need help with auth",
                     *       "status": "open",
                     *       "customer": {
                     *         "id": "cust_01jd2k8m3q4r5s6t7v8w9x0yzb",
                     *         "externalId": "cus_123",
                     *         "name": "Ada Lovelace",
                     *         "email": "ada@example.com",
                     *         "company": "Example API Co"
                     *       },
                     *       "assigneeId": null,
                     *       "messageCount": 1,
                     *       "lastMessageAt": "2026-11-22T10:00:00.000Z",
                     *       "createdAt": "2026-11-22T10:00:00.000Z",
                     *       "updatedAt": "2026-11-22T10:00:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["Conversation"];
                };
            };
            /** @description The body, query or a header is malformed (`details` lists each problem), or `x-workspace-id` is missing with a session token */
            400: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired (`key_expired`, `token_expired`), disabled or revoked */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope (`insufficient_scope`), the role may not do this or `x-workspace-id` names another workspace (`forbidden`), the plan has no API access (`plan_required`) or the client IP is not allowed (`ip_not_allowed`) */
            403: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such object in this workspace */
            404: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to come back */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "conversations.update": {
        parameters: {
            query?: never;
            header?: {
                /** @description The workspace to act in (a `ws_` id). Required with a session token; with an API key it may be left out, and must name the key’s own workspace when sent. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "status": "pending",
                 *       "assigneeId": "usr_01jd2k8m3q4r5s6t7v8w9x0yzg"
                 *     }
                 */
                "application/json": {
                    assigneeId?: string | null;
                    status?: "open" | "pending" | "closed";
                    subject?: string | null;
                };
            };
        };
        responses: {
            /** @description The conversation as it is now */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "conv_01jd2k8m3q4r5s6t7v8w9x0yza",
                     *       "externalId": "ticket_123",
                     *       "subject": "Need help with auth",
                     *       "status": "open",
                     *       "customer": {
                     *         "id": "cust_01jd2k8m3q4r5s6t7v8w9x0yzb",
                     *         "externalId": "cus_123",
                     *         "name": "Ada Lovelace",
                     *         "email": "ada@example.com",
                     *         "company": "Example API Co"
                     *       },
                     *       "assigneeId": null,
                     *       "messageCount": 1,
                     *       "lastMessageAt": "2026-11-22T10:00:00.000Z",
                     *       "createdAt": "2026-11-22T10:00:00.000Z",
                     *       "updatedAt": "2026-11-22T10:00:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["Conversation"];
                };
            };
            /** @description The body, query or a header is malformed (`details` lists each problem), or `x-workspace-id` is missing with a session token */
            400: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired (`key_expired`, `token_expired`), disabled or revoked */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope (`insufficient_scope`), the role may not do this or `x-workspace-id` names another workspace (`forbidden`), the plan has no API access (`plan_required`) or the client IP is not allowed (`ip_not_allowed`) */
            403: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such object in this workspace */
            404: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to come back */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "conversations.messages.list": {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: {
                /** @description The workspace to act in (a `ws_` id). Required with a session token; with an API key it may be left out, and must name the key’s own workspace when sent. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of messages, newest first; `nextCursor` fetches the next page */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Message"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The body, query or a header is malformed (`details` lists each problem), or `x-workspace-id` is missing with a session token */
            400: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired (`key_expired`, `token_expired`), disabled or revoked */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope (`insufficient_scope`), the role may not do this or `x-workspace-id` names another workspace (`forbidden`), the plan has no API access (`plan_required`) or the client IP is not allowed (`ip_not_allowed`) */
            403: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such object in this workspace */
            404: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to come back */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "conversations.messages.create": {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeat a create safely: within 24 hours the same key and body return the first response. */
                "idempotency-key"?: string;
                /** @description The workspace to act in (a `ws_` id). Required with a session token; with an API key it may be left out, and must name the key’s own workspace when sent. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "role": "user",
                 *       "body": "I am getting a 401 from POST /orders."
                 *     }
                 */
                "application/json": {
                    body: string;
                    /** @description `user`: the customer; `agent`: a member; `bot`: an AI agent; `note`: internal, never shown to the customer. */
                    role: "user" | "agent" | "bot" | "note";
                };
            };
        };
        responses: {
            /** @description The new message */
            201: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "msg_01jd2k8m3q4r5s6t7v8w9x0yzc",
                     *       "conversationId": "conv_01jd2k8m3q4r5s6t7v8w9x0yza",
                     *       "role": "user",
                     *       "body": "I am getting a 401 from POST /orders.",
                     *       "author": {
                     *         "type": "api_key",
                     *         "id": "key_01jd2k8m3q4r5s6t7v8w9x0yzf"
                     *       },
                     *       "createdAt": "2026-11-22T10:00:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["Message"];
                };
            };
            /** @description The body, query or a header is malformed (`details` lists each problem), or `x-workspace-id` is missing with a session token */
            400: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired (`key_expired`, `token_expired`), disabled or revoked */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope (`insufficient_scope`), the role may not do this or `x-workspace-id` names another workspace (`forbidden`), the plan has no API access (`plan_required`) or the client IP is not allowed (`ip_not_allowed`) */
            403: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such object in this workspace */
            404: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to come back */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "customers.list": {
        parameters: {
            query?: {
                cursor?: string;
                email?: string;
                externalId?: string;
                limit?: number;
            };
            header?: {
                /** @description The workspace to act in (a `ws_` id). Required with a session token; with an API key it may be left out, and must name the key’s own workspace when sent. */
                "x-workspace-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of customers, newest first; `nextCursor` fetches the next page */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Customer"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The body, query or a header is malformed (`details` lists each problem), or `x-workspace-id` is missing with a session token */
            400: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired (`key_expired`, `token_expired`), disabled or revoked */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope (`insufficient_scope`), the role may not do this or `x-workspace-id` names another workspace (`forbidden`), the plan has no API access (`plan_required`) or the client IP is not allowed (`ip_not_allowed`) */
            403: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to come back */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "customers.create": {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeat a create safely: within 24 hours the same key and body return the first response. */
                "idempotency-key"?: string;
                /** @description The workspace to act in (a `ws_` id). Required with a session token; with an API key it may be left out, and must name the key’s own workspace when sent. */
                "x-workspace-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "externalId": "cus_123",
                 *       "name": "Ada Lovelace",
                 *       "email": "ada@example.com",
                 *       "company": "Example API Co"
                 *     }
                 */
                "application/json": {
                    company?: string;
                    /** Format: email */
                    email?: string;
                    externalId?: string;
                    name?: string;
                };
            };
        };
        responses: {
            /** @description The new customer */
            201: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "cust_01jd2k8m3q4r5s6t7v8w9x0yzb",
                     *       "externalId": "cus_123",
                     *       "name": "Ada Lovelace",
                     *       "email": "ada@example.com",
                     *       "emailUnverified": false,
                     *       "company": "Example API Co",
                     *       "deletedAt": null,
                     *       "createdAt": "2026-11-22T10:00:00.000Z",
                     *       "updatedAt": "2026-11-22T10:00:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["Customer"];
                };
            };
            /** @description The body, query or a header is malformed (`details` lists each problem), or `x-workspace-id` is missing with a session token */
            400: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired (`key_expired`, `token_expired`), disabled or revoked */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope (`insufficient_scope`), the role may not do this or `x-workspace-id` names another workspace (`forbidden`), the plan has no API access (`plan_required`) or the client IP is not allowed (`ip_not_allowed`) */
            403: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A unique field is taken; the body carries the existing object’s `id` */
            409: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to come back */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "customers.get": {
        parameters: {
            query?: never;
            header?: {
                /** @description The workspace to act in (a `ws_` id). Required with a session token; with an API key it may be left out, and must name the key’s own workspace when sent. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The customer */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "cust_01jd2k8m3q4r5s6t7v8w9x0yzb",
                     *       "externalId": "cus_123",
                     *       "name": "Ada Lovelace",
                     *       "email": "ada@example.com",
                     *       "emailUnverified": false,
                     *       "company": "Example API Co",
                     *       "deletedAt": null,
                     *       "createdAt": "2026-11-22T10:00:00.000Z",
                     *       "updatedAt": "2026-11-22T10:00:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["Customer"];
                };
            };
            /** @description The body, query or a header is malformed (`details` lists each problem), or `x-workspace-id` is missing with a session token */
            400: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired (`key_expired`, `token_expired`), disabled or revoked */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope (`insufficient_scope`), the role may not do this or `x-workspace-id` names another workspace (`forbidden`), the plan has no API access (`plan_required`) or the client IP is not allowed (`ip_not_allowed`) */
            403: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such object in this workspace */
            404: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to come back */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "customers.delete": {
        parameters: {
            query?: never;
            header?: {
                /** @description The workspace to act in (a `ws_` id). Required with a session token; with an API key it may be left out, and must name the key’s own workspace when sent. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The body, query or a header is malformed (`details` lists each problem), or `x-workspace-id` is missing with a session token */
            400: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired (`key_expired`, `token_expired`), disabled or revoked */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope (`insufficient_scope`), the role may not do this or `x-workspace-id` names another workspace (`forbidden`), the plan has no API access (`plan_required`) or the client IP is not allowed (`ip_not_allowed`) */
            403: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such object in this workspace */
            404: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to come back */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "customers.update": {
        parameters: {
            query?: never;
            header?: {
                /** @description The workspace to act in (a `ws_` id). Required with a session token; with an API key it may be left out, and must name the key’s own workspace when sent. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "company": "Analytical Engines Ltd"
                 *     }
                 */
                "application/json": {
                    company?: string | null;
                    /** Format: email */
                    email?: string | null;
                    externalId?: string | null;
                    name?: string | null;
                };
            };
        };
        responses: {
            /** @description The customer as it is now */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "cust_01jd2k8m3q4r5s6t7v8w9x0yzb",
                     *       "externalId": "cus_123",
                     *       "name": "Ada Lovelace",
                     *       "email": "ada@example.com",
                     *       "emailUnverified": false,
                     *       "company": "Example API Co",
                     *       "deletedAt": null,
                     *       "createdAt": "2026-11-22T10:00:00.000Z",
                     *       "updatedAt": "2026-11-22T10:00:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["Customer"];
                };
            };
            /** @description The body, query or a header is malformed (`details` lists each problem), or `x-workspace-id` is missing with a session token */
            400: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired (`key_expired`, `token_expired`), disabled or revoked */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope (`insufficient_scope`), the role may not do this or `x-workspace-id` names another workspace (`forbidden`), the plan has no API access (`plan_required`) or the client IP is not allowed (`ip_not_allowed`) */
            403: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such object in this workspace */
            404: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A unique field is taken; the body carries the existing object’s `id` */
            409: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to come back */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "invites.list": {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: {
                /** @description The workspace to act in (a `ws_` id). Required with a session token; with an API key it may be left out, and must name the key’s own workspace when sent. */
                "x-workspace-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of invites, newest first; `nextCursor` fetches the next page */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Invite"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The body, query or a header is malformed (`details` lists each problem), or `x-workspace-id` is missing with a session token */
            400: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired (`key_expired`, `token_expired`), disabled or revoked */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope (`insufficient_scope`), the role may not do this or `x-workspace-id` names another workspace (`forbidden`), the plan has no API access (`plan_required`) or the client IP is not allowed (`ip_not_allowed`) */
            403: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A unique field is taken; the body carries the existing object’s `id` */
            409: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to come back */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "invites.create": {
        parameters: {
            query?: never;
            header?: {
                /** @description The workspace to act in (a `ws_` id). Required with a session token; with an API key it may be left out, and must name the key’s own workspace when sent. */
                "x-workspace-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: email */
                    email: string;
                    role: "admin" | "agent";
                };
            };
        };
        responses: {
            /** @description The new invite */
            201: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Invite"];
                };
            };
            /** @description The body, query or a header is malformed (`details` lists each problem), or `x-workspace-id` is missing with a session token */
            400: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired (`key_expired`, `token_expired`), disabled or revoked */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope (`insufficient_scope`), the role may not do this or `x-workspace-id` names another workspace (`forbidden`), the plan has no API access (`plan_required`) or the client IP is not allowed (`ip_not_allowed`) */
            403: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A unique field is taken; the body carries the existing object’s `id` */
            409: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to come back */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "invites.delete": {
        parameters: {
            query?: never;
            header?: {
                /** @description The workspace to act in (a `ws_` id). Required with a session token; with an API key it may be left out, and must name the key’s own workspace when sent. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The invitation is withdrawn; its link no longer works */
            204: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The body, query or a header is malformed (`details` lists each problem), or `x-workspace-id` is missing with a session token */
            400: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired (`key_expired`, `token_expired`), disabled or revoked */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope (`insufficient_scope`), the role may not do this or `x-workspace-id` names another workspace (`forbidden`), the plan has no API access (`plan_required`) or the client IP is not allowed (`ip_not_allowed`) */
            403: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such object in this workspace */
            404: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A unique field is taken; the body carries the existing object’s `id` */
            409: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to come back */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "kb.articles.list": {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
                published?: boolean;
            };
            header?: {
                /** @description The workspace to act in (a `ws_` id). Required with a session token; with an API key it may be left out, and must name the key’s own workspace when sent. */
                "x-workspace-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of articles, newest first; `nextCursor` fetches the next page */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Article"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The body, query or a header is malformed (`details` lists each problem), or `x-workspace-id` is missing with a session token */
            400: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired (`key_expired`, `token_expired`), disabled or revoked */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope (`insufficient_scope`), the role may not do this or `x-workspace-id` names another workspace (`forbidden`), the plan has no API access (`plan_required`) or the client IP is not allowed (`ip_not_allowed`) */
            403: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to come back */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "kb.articles.create": {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeat a create safely: within 24 hours the same key and body return the first response. */
                "idempotency-key"?: string;
                /** @description The workspace to act in (a `ws_` id). Required with a session token; with an API key it may be left out, and must name the key’s own workspace when sent. */
                "x-workspace-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "title": "Fixing 401 errors",
                 *       "body": "A 401 means the API key is missing, unknown or revoked. Send it as Authorization: Bearer woesk_…",
                 *       "tags": [
                 *         "auth",
                 *         "errors"
                 *       ],
                 *       "published": true
                 *     }
                 */
                "application/json": {
                    body: string;
                    /** @default false */
                    published?: boolean;
                    tags?: string[];
                    title: string;
                };
            };
        };
        responses: {
            /** @description The new article */
            201: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "art_01jd2k8m3q4r5s6t7v8w9x0yzd",
                     *       "title": "Fixing 401 errors",
                     *       "body": "A 401 means the API key is missing, unknown or revoked. Send it as Authorization: Bearer woesk_…",
                     *       "tags": [
                     *         "auth",
                     *         "errors"
                     *       ],
                     *       "published": true,
                     *       "createdAt": "2026-11-22T10:00:00.000Z",
                     *       "updatedAt": "2026-11-22T10:00:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["Article"];
                };
            };
            /** @description The body, query or a header is malformed (`details` lists each problem), or `x-workspace-id` is missing with a session token */
            400: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired (`key_expired`, `token_expired`), disabled or revoked */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope (`insufficient_scope`), the role may not do this or `x-workspace-id` names another workspace (`forbidden`), the plan has no API access (`plan_required`) or the client IP is not allowed (`ip_not_allowed`) */
            403: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to come back */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "kb.articles.get": {
        parameters: {
            query?: never;
            header?: {
                /** @description The workspace to act in (a `ws_` id). Required with a session token; with an API key it may be left out, and must name the key’s own workspace when sent. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The article */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "art_01jd2k8m3q4r5s6t7v8w9x0yzd",
                     *       "title": "Fixing 401 errors",
                     *       "body": "A 401 means the API key is missing, unknown or revoked. Send it as Authorization: Bearer woesk_…",
                     *       "tags": [
                     *         "auth",
                     *         "errors"
                     *       ],
                     *       "published": true,
                     *       "createdAt": "2026-11-22T10:00:00.000Z",
                     *       "updatedAt": "2026-11-22T10:00:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["Article"];
                };
            };
            /** @description The body, query or a header is malformed (`details` lists each problem), or `x-workspace-id` is missing with a session token */
            400: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired (`key_expired`, `token_expired`), disabled or revoked */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope (`insufficient_scope`), the role may not do this or `x-workspace-id` names another workspace (`forbidden`), the plan has no API access (`plan_required`) or the client IP is not allowed (`ip_not_allowed`) */
            403: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such object in this workspace */
            404: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to come back */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "kb.articles.delete": {
        parameters: {
            query?: never;
            header?: {
                /** @description The workspace to act in (a `ws_` id). Required with a session token; with an API key it may be left out, and must name the key’s own workspace when sent. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The body, query or a header is malformed (`details` lists each problem), or `x-workspace-id` is missing with a session token */
            400: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired (`key_expired`, `token_expired`), disabled or revoked */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope (`insufficient_scope`), the role may not do this or `x-workspace-id` names another workspace (`forbidden`), the plan has no API access (`plan_required`) or the client IP is not allowed (`ip_not_allowed`) */
            403: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such object in this workspace */
            404: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to come back */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "kb.articles.update": {
        parameters: {
            query?: never;
            header?: {
                /** @description The workspace to act in (a `ws_` id). Required with a session token; with an API key it may be left out, and must name the key’s own workspace when sent. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "published": false
                 *     }
                 */
                "application/json": {
                    body?: string;
                    published?: boolean;
                    tags?: string[];
                    title?: string;
                };
            };
        };
        responses: {
            /** @description The article as it is now */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "art_01jd2k8m3q4r5s6t7v8w9x0yzd",
                     *       "title": "Fixing 401 errors",
                     *       "body": "A 401 means the API key is missing, unknown or revoked. Send it as Authorization: Bearer woesk_…",
                     *       "tags": [
                     *         "auth",
                     *         "errors"
                     *       ],
                     *       "published": true,
                     *       "createdAt": "2026-11-22T10:00:00.000Z",
                     *       "updatedAt": "2026-11-22T10:00:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["Article"];
                };
            };
            /** @description The body, query or a header is malformed (`details` lists each problem), or `x-workspace-id` is missing with a session token */
            400: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired (`key_expired`, `token_expired`), disabled or revoked */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope (`insufficient_scope`), the role may not do this or `x-workspace-id` names another workspace (`forbidden`), the plan has no API access (`plan_required`) or the client IP is not allowed (`ip_not_allowed`) */
            403: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such object in this workspace */
            404: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to come back */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "kb.search": {
        parameters: {
            query: {
                limit?: number;
                q: string;
            };
            header?: {
                /** @description The workspace to act in (a `ws_` id). Required with a session token; with an API key it may be left out, and must name the key’s own workspace when sent. */
                "x-workspace-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Published articles ranked by relevance, with snippets */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "id": "art_01jd2k8m3q4r5s6t7v8w9x0yzd",
                     *           "title": "Fixing 401 errors",
                     *           "tags": [
                     *             "auth",
                     *             "errors"
                     *           ],
                     *           "snippet": "A <mark>401</mark> means the API key is missing, unknown or revoked…",
                     *           "score": 3.2,
                     *           "updatedAt": "2026-11-22T10:00:00.000Z"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["SearchResults"];
                };
            };
            /** @description The body, query or a header is malformed (`details` lists each problem), or `x-workspace-id` is missing with a session token */
            400: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired (`key_expired`, `token_expired`), disabled or revoked */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope (`insufficient_scope`), the role may not do this or `x-workspace-id` names another workspace (`forbidden`), the plan has no API access (`plan_required`) or the client IP is not allowed (`ip_not_allowed`) */
            403: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to come back */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "keys.list": {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: {
                /** @description The workspace to act in (a `ws_` id). Required with a session token; with an API key it may be left out, and must name the key’s own workspace when sent. */
                "x-workspace-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of API keys, newest first; `nextCursor` fetches the next page */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["ApiKey"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The body, query or a header is malformed (`details` lists each problem), or `x-workspace-id` is missing with a session token */
            400: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired (`key_expired`, `token_expired`), disabled or revoked */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope (`insufficient_scope`), the role may not do this or `x-workspace-id` names another workspace (`forbidden`), the plan has no API access (`plan_required`) or the client IP is not allowed (`ip_not_allowed`) */
            403: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to come back */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "keys.create": {
        parameters: {
            query?: never;
            header?: {
                /** @description The workspace to act in (a `ws_` id). Required with a session token; with an API key it may be left out, and must name the key’s own workspace when sent. */
                "x-workspace-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description IPv4/IPv6 addresses and CIDR ranges (at most 50); a request from elsewhere gets 403 ip_not_allowed. Empty: any address. */
                    allowedIps?: string[];
                    /** Format: date-time */
                    expiresAt?: string;
                    expiresIn?: number;
                    name: string;
                    /** @description Scopes, presets or aliases: workspace.read, workspace.write, members.read, members.write, keys.read, keys.write, conversations.read, conversations.write, messages.read, messages.write, customers.read, customers.write, sources.read, sources.write, agents.read, agents.write, channels.read, channels.write, webhooks.read, webhooks.write, apitests.read, apitests.write, audit.read, read, write, admin, tickets.read, tickets.write, contacts.read, contacts.write */
                    scopes: string[];
                };
            };
        };
        responses: {
            /** @description The new API key */
            201: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyWithSecret"];
                };
            };
            /** @description The body, query or a header is malformed (`details` lists each problem), or `x-workspace-id` is missing with a session token */
            400: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired (`key_expired`, `token_expired`), disabled or revoked */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope (`insufficient_scope`), the role may not do this or `x-workspace-id` names another workspace (`forbidden`), the plan has no API access (`plan_required`) or the client IP is not allowed (`ip_not_allowed`) */
            403: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to come back */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "keys.get": {
        parameters: {
            query?: never;
            header?: {
                /** @description The workspace to act in (a `ws_` id). Required with a session token; with an API key it may be left out, and must name the key’s own workspace when sent. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The API key */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKey"];
                };
            };
            /** @description The body, query or a header is malformed (`details` lists each problem), or `x-workspace-id` is missing with a session token */
            400: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired (`key_expired`, `token_expired`), disabled or revoked */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope (`insufficient_scope`), the role may not do this or `x-workspace-id` names another workspace (`forbidden`), the plan has no API access (`plan_required`) or the client IP is not allowed (`ip_not_allowed`) */
            403: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such object in this workspace */
            404: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to come back */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "keys.delete": {
        parameters: {
            query?: never;
            header?: {
                /** @description The workspace to act in (a `ws_` id). Required with a session token; with an API key it may be left out, and must name the key’s own workspace when sent. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revoked: the key is refused from the next request on, by every instance */
            204: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The body, query or a header is malformed (`details` lists each problem), or `x-workspace-id` is missing with a session token */
            400: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired (`key_expired`, `token_expired`), disabled or revoked */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope (`insufficient_scope`), the role may not do this or `x-workspace-id` names another workspace (`forbidden`), the plan has no API access (`plan_required`) or the client IP is not allowed (`ip_not_allowed`) */
            403: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such object in this workspace */
            404: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to come back */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "keys.update": {
        parameters: {
            query?: never;
            header?: {
                /** @description The workspace to act in (a `ws_` id). Required with a session token; with an API key it may be left out, and must name the key’s own workspace when sent. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "CRM sync (production)"
                 *     }
                 */
                "application/json": {
                    /** @description IPv4/IPv6 addresses and CIDR ranges (at most 50); a request from elsewhere gets 403 ip_not_allowed. Empty: any address. */
                    allowedIps?: string[];
                    name?: string;
                };
            };
        };
        responses: {
            /** @description The API key as it is now */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKey"];
                };
            };
            /** @description The body, query or a header is malformed (`details` lists each problem), or `x-workspace-id` is missing with a session token */
            400: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired (`key_expired`, `token_expired`), disabled or revoked */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope (`insufficient_scope`), the role may not do this or `x-workspace-id` names another workspace (`forbidden`), the plan has no API access (`plan_required`) or the client IP is not allowed (`ip_not_allowed`) */
            403: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such object in this workspace */
            404: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to come back */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "keys.enable": {
        parameters: {
            query?: never;
            header?: {
                /** @description The workspace to act in (a `ws_` id). Required with a session token; with an API key it may be left out, and must name the key’s own workspace when sent. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The result of keys.enable */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKey"];
                };
            };
            /** @description The body, query or a header is malformed (`details` lists each problem), or `x-workspace-id` is missing with a session token */
            400: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired (`key_expired`, `token_expired`), disabled or revoked */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope (`insufficient_scope`), the role may not do this or `x-workspace-id` names another workspace (`forbidden`), the plan has no API access (`plan_required`) or the client IP is not allowed (`ip_not_allowed`) */
            403: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such object in this workspace */
            404: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A unique field is taken; the body carries the existing object’s `id` */
            409: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to come back */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "keys.roll": {
        parameters: {
            query?: never;
            header?: {
                /** @description The workspace to act in (a `ws_` id). Required with a session token; with an API key it may be left out, and must name the key’s own workspace when sent. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Seconds the old key keeps working (0–7 days) */
                    expiresIn: number;
                    /**
                     * Format: date-time
                     * @description The new key's expiry. Default: the old key's lifetime, counted from now.
                     */
                    newKeyExpiresAt?: string;
                    /** @description The new key's lifetime in seconds (instead of newKeyExpiresAt). */
                    newKeyExpiresIn?: number;
                };
            };
        };
        responses: {
            /** @description The new key with its `secret`, shown only here; the old key expires after `expiresIn` seconds */
            201: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyWithSecret"];
                };
            };
            /** @description The body, query or a header is malformed (`details` lists each problem), or `x-workspace-id` is missing with a session token */
            400: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired (`key_expired`, `token_expired`), disabled or revoked */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope (`insufficient_scope`), the role may not do this or `x-workspace-id` names another workspace (`forbidden`), the plan has no API access (`plan_required`) or the client IP is not allowed (`ip_not_allowed`) */
            403: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such object in this workspace */
            404: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A unique field is taken; the body carries the existing object’s `id` */
            409: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to come back */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "keys.usage": {
        parameters: {
            query?: never;
            header?: {
                /** @description The workspace to act in (a `ws_` id). Required with a session token; with an API key it may be left out, and must name the key’s own workspace when sent. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The key's daily request counts and its last use */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KeyUsage"];
                };
            };
            /** @description The body, query or a header is malformed (`details` lists each problem), or `x-workspace-id` is missing with a session token */
            400: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired (`key_expired`, `token_expired`), disabled or revoked */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope (`insufficient_scope`), the role may not do this or `x-workspace-id` names another workspace (`forbidden`), the plan has no API access (`plan_required`) or the client IP is not allowed (`ip_not_allowed`) */
            403: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such object in this workspace */
            404: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to come back */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "keys.leaked": {
        parameters: {
            query?: never;
            header?: {
                "github-public-key-identifier"?: string;
                "github-public-key-signature"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    source: string;
                    token: string;
                    type: string;
                    url: string;
                }[];
            };
        };
        responses: {
            /** @description The result of keys.leaked */
            200: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        label: "true_positive" | "false_positive";
                        /** @description SHA-256 (hex) of the reported token */
                        token_hash: string;
                        token_type: string;
                    }[];
                };
            };
            /** @description The body is malformed; `details` lists each problem */
            400: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credentials, token or link are wrong, spent or expired */
            401: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to come back */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "me.get": {
        parameters: {
            query?: never;
            header?: {
                /** @description The workspace to report on (a `ws_` id). Optional; with an API key it must name the key’s own workspace when sent. */
                "x-workspace-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The calling credential: its type, workspace and scopes */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Me"];
                };
            };
            /** @description The body, query or a header is malformed (`details` lists each problem), or `x-workspace-id` is missing with a session token */
            400: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired (`key_expired`, `token_expired`), disabled or revoked */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope (`insufficient_scope`), the role may not do this or `x-workspace-id` names another workspace (`forbidden`), the plan has no API access (`plan_required`) or the client IP is not allowed (`ip_not_allowed`) */
            403: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to come back */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "members.list": {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: {
                /** @description The workspace to act in (a `ws_` id). Required with a session token; with an API key it may be left out, and must name the key’s own workspace when sent. */
                "x-workspace-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of members, newest first; `nextCursor` fetches the next page */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Member"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The body, query or a header is malformed (`details` lists each problem), or `x-workspace-id` is missing with a session token */
            400: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired (`key_expired`, `token_expired`), disabled or revoked */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope (`insufficient_scope`), the role may not do this or `x-workspace-id` names another workspace (`forbidden`), the plan has no API access (`plan_required`) or the client IP is not allowed (`ip_not_allowed`) */
            403: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A unique field is taken; the body carries the existing object’s `id` */
            409: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to come back */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "members.delete": {
        parameters: {
            query?: never;
            header?: {
                /** @description The workspace to act in (a `ws_` id). Required with a session token; with an API key it may be left out, and must name the key’s own workspace when sent. */
                "x-workspace-id"?: string;
            };
            path: {
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The member is removed from the workspace and their sessions there end */
            204: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The body, query or a header is malformed (`details` lists each problem), or `x-workspace-id` is missing with a session token */
            400: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired (`key_expired`, `token_expired`), disabled or revoked */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope (`insufficient_scope`), the role may not do this or `x-workspace-id` names another workspace (`forbidden`), the plan has no API access (`plan_required`) or the client IP is not allowed (`ip_not_allowed`) */
            403: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such object in this workspace */
            404: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A unique field is taken; the body carries the existing object’s `id` */
            409: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to come back */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "members.update": {
        parameters: {
            query?: never;
            header?: {
                /** @description The workspace to act in (a `ws_` id). Required with a session token; with an API key it may be left out, and must name the key’s own workspace when sent. */
                "x-workspace-id"?: string;
            };
            path: {
                userId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    role: "owner" | "admin" | "agent";
                };
            };
        };
        responses: {
            /** @description The member as it is now */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Member"];
                };
            };
            /** @description The body, query or a header is malformed (`details` lists each problem), or `x-workspace-id` is missing with a session token */
            400: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired (`key_expired`, `token_expired`), disabled or revoked */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope (`insufficient_scope`), the role may not do this or `x-workspace-id` names another workspace (`forbidden`), the plan has no API access (`plan_required`) or the client IP is not allowed (`ip_not_allowed`) */
            403: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such object in this workspace */
            404: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A unique field is taken; the body carries the existing object’s `id` */
            409: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to come back */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "portal.conversations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The result of portal.conversations */
            200: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalConversationList"];
                };
            };
            /** @description The body is malformed; `details` lists each problem */
            400: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credentials, token or link are wrong, spent or expired */
            401: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The email is not verified yet (`email_not_verified`) or the account may not do this */
            403: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such object in this workspace */
            404: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to come back */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "portal.conversations.get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The conversation */
            200: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalThread"];
                };
            };
            /** @description The body is malformed; `details` lists each problem */
            400: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credentials, token or link are wrong, spent or expired */
            401: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The email is not verified yet (`email_not_verified`) or the account may not do this */
            403: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such object in this workspace */
            404: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to come back */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "portal.conversations.messages.create": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "body": "Thanks, that fixed it."
                 *     }
                 */
                "application/json": {
                    body: string;
                };
            };
        };
        responses: {
            /** @description The new message */
            201: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalMessage"];
                };
            };
            /** @description The body is malformed; `details` lists each problem */
            400: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credentials, token or link are wrong, spent or expired */
            401: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The email is not verified yet (`email_not_verified`) or the account may not do this */
            403: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such object in this workspace */
            404: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to come back */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "portal.magicLink": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "workspaceId": "ws_01jbx3k0000000000000000000",
                 *       "email": "ada@example.com"
                 *     }
                 */
                "application/json": {
                    /** Format: email */
                    email: string;
                    workspaceId: string;
                };
            };
        };
        responses: {
            /** @description The result of portal.magicLink */
            202: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalLinkAccepted"];
                };
            };
            /** @description The body is malformed; `details` lists each problem */
            400: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credentials, token or link are wrong, spent or expired */
            401: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to come back */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "portal.session.create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "token": "woespl_0000000000000000000000000000000000000000000000000"
                 *     }
                 */
                "application/json": {
                    /** @description The `woespl_…` token of the emailed link */
                    token: string;
                    workspaceId?: string;
                };
            };
        };
        responses: {
            /** @description The new session */
            201: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalSession"];
                };
            };
            /** @description The body is malformed; `details` lists each problem */
            400: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credentials, token or link are wrong, spent or expired */
            401: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to come back */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "portal.session.delete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Signed out */
            204: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The body is malformed; `details` lists each problem */
            400: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credentials, token or link are wrong, spent or expired */
            401: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The email is not verified yet (`email_not_verified`) or the account may not do this */
            403: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such object in this workspace */
            404: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to come back */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "portal.session.claim": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The session was handed to this browser */
            204: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The body is malformed; `details` lists each problem */
            400: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credentials, token or link are wrong, spent or expired */
            401: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The email is not verified yet (`email_not_verified`) or the account may not do this */
            403: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such object in this workspace */
            404: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to come back */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "webhooks.list": {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: {
                /** @description The workspace to act in (a `ws_` id). Required with a session token; with an API key it may be left out, and must name the key’s own workspace when sent. */
                "x-workspace-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of webhooks, newest first; `nextCursor` fetches the next page */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["WebhookEndpoint"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The body, query or a header is malformed (`details` lists each problem), or `x-workspace-id` is missing with a session token */
            400: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired (`key_expired`, `token_expired`), disabled or revoked */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope (`insufficient_scope`), the role may not do this or `x-workspace-id` names another workspace (`forbidden`), the plan has no API access (`plan_required`) or the client IP is not allowed (`ip_not_allowed`) */
            403: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to come back */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "webhooks.create": {
        parameters: {
            query?: never;
            header?: {
                /** @description The workspace to act in (a `ws_` id). Required with a session token; with an API key it may be left out, and must name the key’s own workspace when sent. */
                "x-workspace-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "url": "https://hooks.example.com/woes",
                 *       "events": [
                 *         "conversation.created"
                 *       ],
                 *       "description": "CRM sync"
                 *     }
                 */
                "application/json": {
                    description?: string;
                    /** @description Event types: conversation.created, conversation.updated, message.created, customer.created, key.revoked, key.expiring */
                    events: components["schemas"]["WebhookEventType"][];
                    /** @description An `https` (or `http`) URL on a public address */
                    url: string;
                };
            };
        };
        responses: {
            /** @description The new webhook */
            201: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpointWithSecret"];
                };
            };
            /** @description The body, query or a header is malformed (`details` lists each problem), or `x-workspace-id` is missing with a session token */
            400: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired (`key_expired`, `token_expired`), disabled or revoked */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope (`insufficient_scope`), the role may not do this or `x-workspace-id` names another workspace (`forbidden`), the plan has no API access (`plan_required`) or the client IP is not allowed (`ip_not_allowed`) */
            403: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to come back */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "webhooks.get": {
        parameters: {
            query?: never;
            header?: {
                /** @description The workspace to act in (a `ws_` id). Required with a session token; with an API key it may be left out, and must name the key’s own workspace when sent. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The webhook */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "whe_01jbx3k0000000000000000000",
                     *       "url": "https://hooks.example.com/woes",
                     *       "description": "CRM sync",
                     *       "events": [
                     *         "conversation.created",
                     *         "message.created"
                     *       ],
                     *       "status": "enabled",
                     *       "disabledReason": null,
                     *       "previousSecretExpiresAt": null,
                     *       "createdAt": "2026-11-23T09:00:00.000Z",
                     *       "updatedAt": "2026-11-23T09:00:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["WebhookEndpoint"];
                };
            };
            /** @description The body, query or a header is malformed (`details` lists each problem), or `x-workspace-id` is missing with a session token */
            400: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired (`key_expired`, `token_expired`), disabled or revoked */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope (`insufficient_scope`), the role may not do this or `x-workspace-id` names another workspace (`forbidden`), the plan has no API access (`plan_required`) or the client IP is not allowed (`ip_not_allowed`) */
            403: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such object in this workspace */
            404: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to come back */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "webhooks.delete": {
        parameters: {
            query?: never;
            header?: {
                /** @description The workspace to act in (a `ws_` id). Required with a session token; with an API key it may be left out, and must name the key’s own workspace when sent. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The webhook is deleted (no body) */
            204: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The body, query or a header is malformed (`details` lists each problem), or `x-workspace-id` is missing with a session token */
            400: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired (`key_expired`, `token_expired`), disabled or revoked */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope (`insufficient_scope`), the role may not do this or `x-workspace-id` names another workspace (`forbidden`), the plan has no API access (`plan_required`) or the client IP is not allowed (`ip_not_allowed`) */
            403: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such object in this workspace */
            404: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to come back */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "webhooks.update": {
        parameters: {
            query?: never;
            header?: {
                /** @description The workspace to act in (a `ws_` id). Required with a session token; with an API key it may be left out, and must name the key’s own workspace when sent. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "status": "enabled"
                 *     }
                 */
                "application/json": {
                    description?: string | null;
                    /** @description Event types: conversation.created, conversation.updated, message.created, customer.created, key.revoked, key.expiring */
                    events?: components["schemas"]["WebhookEventType"][];
                    status?: "enabled" | "disabled";
                    /** @description An `https` (or `http`) URL on a public address */
                    url?: string;
                };
            };
        };
        responses: {
            /** @description The webhook as it is now */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "whe_01jbx3k0000000000000000000",
                     *       "url": "https://hooks.example.com/woes",
                     *       "description": "CRM sync",
                     *       "events": [
                     *         "conversation.created",
                     *         "message.created"
                     *       ],
                     *       "status": "enabled",
                     *       "disabledReason": null,
                     *       "previousSecretExpiresAt": null,
                     *       "createdAt": "2026-11-23T09:00:00.000Z",
                     *       "updatedAt": "2026-11-23T09:00:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["WebhookEndpoint"];
                };
            };
            /** @description The body, query or a header is malformed (`details` lists each problem), or `x-workspace-id` is missing with a session token */
            400: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired (`key_expired`, `token_expired`), disabled or revoked */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope (`insufficient_scope`), the role may not do this or `x-workspace-id` names another workspace (`forbidden`), the plan has no API access (`plan_required`) or the client IP is not allowed (`ip_not_allowed`) */
            403: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such object in this workspace */
            404: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to come back */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "webhooks.deliveries.list": {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: {
                /** @description The workspace to act in (a `ws_` id). Required with a session token; with an API key it may be left out, and must name the key’s own workspace when sent. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of deliveries, newest first; `nextCursor` fetches the next page */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["WebhookDelivery"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The body, query or a header is malformed (`details` lists each problem), or `x-workspace-id` is missing with a session token */
            400: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired (`key_expired`, `token_expired`), disabled or revoked */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope (`insufficient_scope`), the role may not do this or `x-workspace-id` names another workspace (`forbidden`), the plan has no API access (`plan_required`) or the client IP is not allowed (`ip_not_allowed`) */
            403: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such object in this workspace */
            404: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to come back */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "webhooks.deliveries.get": {
        parameters: {
            query?: never;
            header?: {
                /** @description The workspace to act in (a `ws_` id). Required with a session token; with an API key it may be left out, and must name the key’s own workspace when sent. */
                "x-workspace-id"?: string;
            };
            path: {
                deliveryId: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The deliverie */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDeliveryWithAttempts"];
                };
            };
            /** @description The body, query or a header is malformed (`details` lists each problem), or `x-workspace-id` is missing with a session token */
            400: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired (`key_expired`, `token_expired`), disabled or revoked */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope (`insufficient_scope`), the role may not do this or `x-workspace-id` names another workspace (`forbidden`), the plan has no API access (`plan_required`) or the client IP is not allowed (`ip_not_allowed`) */
            403: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such object in this workspace */
            404: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to come back */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "webhooks.deliveries.retry": {
        parameters: {
            query?: never;
            header?: {
                /** @description The workspace to act in (a `ws_` id). Required with a session token; with an API key it may be left out, and must name the key’s own workspace when sent. */
                "x-workspace-id"?: string;
            };
            path: {
                deliveryId: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The result of webhooks.deliveries.retry */
            202: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDelivery"];
                };
            };
            /** @description The body, query or a header is malformed (`details` lists each problem), or `x-workspace-id` is missing with a session token */
            400: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired (`key_expired`, `token_expired`), disabled or revoked */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope (`insufficient_scope`), the role may not do this or `x-workspace-id` names another workspace (`forbidden`), the plan has no API access (`plan_required`) or the client IP is not allowed (`ip_not_allowed`) */
            403: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such object in this workspace */
            404: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A unique field is taken; the body carries the existing object’s `id` */
            409: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to come back */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "webhooks.rotateSecret.create": {
        parameters: {
            query?: never;
            header?: {
                /** @description The workspace to act in (a `ws_` id). Required with a session token; with an API key it may be left out, and must name the key’s own workspace when sent. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The new rotate secret */
            201: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpointWithSecret"];
                };
            };
            /** @description The body, query or a header is malformed (`details` lists each problem), or `x-workspace-id` is missing with a session token */
            400: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired (`key_expired`, `token_expired`), disabled or revoked */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope (`insufficient_scope`), the role may not do this or `x-workspace-id` names another workspace (`forbidden`), the plan has no API access (`plan_required`) or the client IP is not allowed (`ip_not_allowed`) */
            403: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such object in this workspace */
            404: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to come back */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "webhooks.test.create": {
        parameters: {
            query?: never;
            header?: {
                /** @description The workspace to act in (a `ws_` id). Required with a session token; with an API key it may be left out, and must name the key’s own workspace when sent. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The new test */
            201: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDeliveryWithAttempts"];
                };
            };
            /** @description The body, query or a header is malformed (`details` lists each problem), or `x-workspace-id` is missing with a session token */
            400: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired (`key_expired`, `token_expired`), disabled or revoked */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope (`insufficient_scope`), the role may not do this or `x-workspace-id` names another workspace (`forbidden`), the plan has no API access (`plan_required`) or the client IP is not allowed (`ip_not_allowed`) */
            403: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such object in this workspace */
            404: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to come back */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "channels.receiveInbound": {
        parameters: {
            query?: never;
            header: {
                /** @description Unique per message: a replay is processed once */
                "webhook-id": string;
                /** @description Unix seconds; ±5 minutes of the server clock */
                "webhook-timestamp": string;
            };
            path: {
                channelId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InboundApiMessage"] | components["schemas"]["InboundEmailMessage"];
            };
        };
        responses: {
            /** @description Processed: 201 when the message started a conversation, 200 when it continued one or (`duplicate: true`) repeated an earlier delivery */
            200: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InboundResult"];
                };
            };
            /** @description Processed: 201 when the message started a conversation, 200 when it continued one or (`duplicate: true`) repeated an earlier delivery */
            201: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InboundResult"];
                };
            };
            /** @description Signed, but not a payload of this channel’s type */
            400: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The signature is missing, wrong or stale, or the channel is unknown or deleted */
            401: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `conversationId` names no conversation of the workspace */
            404: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is over 256 KiB */
            413: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests for the channel, or bad signatures from this IP */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "widgetKeys.list": {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: {
                /** @description The workspace to act in (a `ws_` id). Required with a session token; with an API key it may be left out, and must name the key’s own workspace when sent. */
                "x-workspace-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of widget keys, newest first; `nextCursor` fetches the next page */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["WidgetKey"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The body, query or a header is malformed (`details` lists each problem), or `x-workspace-id` is missing with a session token */
            400: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired (`key_expired`, `token_expired`), disabled or revoked */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope (`insufficient_scope`), the role may not do this or `x-workspace-id` names another workspace (`forbidden`), the plan has no API access (`plan_required`) or the client IP is not allowed (`ip_not_allowed`) */
            403: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to come back */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "widgetKeys.create": {
        parameters: {
            query?: never;
            header?: {
                /** @description The workspace to act in (a `ws_` id). Required with a session token; with an API key it may be left out, and must name the key’s own workspace when sent. */
                "x-workspace-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description At least one, unless the key is for mobile apps. */
                    allowedOrigins: string[];
                    /** @description A key for mobile apps (no Origin); it requires identity verification. */
                    mobile?: boolean;
                    name: string;
                };
            };
        };
        responses: {
            /** @description The new widget key */
            201: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WidgetKeyWithKey"];
                };
            };
            /** @description The body, query or a header is malformed (`details` lists each problem), or `x-workspace-id` is missing with a session token */
            400: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired (`key_expired`, `token_expired`), disabled or revoked */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope (`insufficient_scope`), the role may not do this or `x-workspace-id` names another workspace (`forbidden`), the plan has no API access (`plan_required`) or the client IP is not allowed (`ip_not_allowed`) */
            403: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to come back */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "widgetKeys.delete": {
        parameters: {
            query?: never;
            header?: {
                /** @description The workspace to act in (a `ws_` id). Required with a session token; with an API key it may be left out, and must name the key’s own workspace when sent. */
                "x-workspace-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revoked: the widget key is refused from the next request on */
            204: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The body, query or a header is malformed (`details` lists each problem), or `x-workspace-id` is missing with a session token */
            400: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired (`key_expired`, `token_expired`), disabled or revoked */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope (`insufficient_scope`), the role may not do this or `x-workspace-id` names another workspace (`forbidden`), the plan has no API access (`plan_required`) or the client IP is not allowed (`ip_not_allowed`) */
            403: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such object in this workspace */
            404: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to come back */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "widgetSettings.get": {
        parameters: {
            query?: never;
            header?: {
                /** @description The workspace to act in (a `ws_` id). Required with a session token; with an API key it may be left out, and must name the key’s own workspace when sent. */
                "x-workspace-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The widget setting */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WidgetSettings"];
                };
            };
            /** @description The body, query or a header is malformed (`details` lists each problem), or `x-workspace-id` is missing with a session token */
            400: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired (`key_expired`, `token_expired`), disabled or revoked */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope (`insufficient_scope`), the role may not do this or `x-workspace-id` names another workspace (`forbidden`), the plan has no API access (`plan_required`) or the client IP is not allowed (`ip_not_allowed`) */
            403: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to come back */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "widgetSettings.update": {
        parameters: {
            query?: never;
            header?: {
                /** @description The workspace to act in (a `ws_` id). Required with a session token; with an API key it may be left out, and must name the key’s own workspace when sent. */
                "x-workspace-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    requireVerification: boolean;
                };
            };
        };
        responses: {
            /** @description The widget setting as it is now */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WidgetSettings"];
                };
            };
            /** @description The body, query or a header is malformed (`details` lists each problem), or `x-workspace-id` is missing with a session token */
            400: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired (`key_expired`, `token_expired`), disabled or revoked */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope (`insufficient_scope`), the role may not do this or `x-workspace-id` names another workspace (`forbidden`), the plan has no API access (`plan_required`) or the client IP is not allowed (`ip_not_allowed`) */
            403: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to come back */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "widgetSettings.rotateIdentitySecret": {
        parameters: {
            query?: never;
            header?: {
                /** @description The workspace to act in (a `ws_` id). Required with a session token; with an API key it may be left out, and must name the key’s own workspace when sent. */
                "x-workspace-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The result of widgetSettings.rotateIdentitySecret */
            201: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IdentitySecretCreated"];
                };
            };
            /** @description The body, query or a header is malformed (`details` lists each problem), or `x-workspace-id` is missing with a session token */
            400: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired (`key_expired`, `token_expired`), disabled or revoked */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope (`insufficient_scope`), the role may not do this or `x-workspace-id` names another workspace (`forbidden`), the plan has no API access (`plan_required`) or the client IP is not allowed (`ip_not_allowed`) */
            403: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to come back */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "widget.config": {
        parameters: {
            query?: never;
            header?: {
                /** @description woescs_… */
                "x-woes-conversation-secret"?: string;
                /** @description with x-woes-user-hash */
                "x-woes-customer-id"?: string;
                /** @description HS256 JWT signed with the identity secret */
                "x-woes-identity-token"?: string;
                /** @description hex HMAC-SHA256(identity secret, customer id) */
                "x-woes-user-hash"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The result of widget.config */
            200: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        mobile: boolean;
                        requireVerification: boolean;
                        workspaceId: string;
                    };
                };
            };
            /** @description The body is malformed; `details` lists each problem */
            400: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credentials, token or link are wrong, spent or expired */
            401: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The email is not verified yet (`email_not_verified`) or the account may not do this */
            403: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such object in this workspace */
            404: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to come back */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "widget.conversations.list": {
        parameters: {
            query?: never;
            header?: {
                /** @description woescs_… */
                "x-woes-conversation-secret"?: string;
                /** @description with x-woes-user-hash */
                "x-woes-customer-id"?: string;
                /** @description HS256 JWT signed with the identity secret */
                "x-woes-identity-token"?: string;
                /** @description hex HMAC-SHA256(identity secret, customer id) */
                "x-woes-user-hash"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of conversations, newest first; `nextCursor` fetches the next page */
            200: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            /** Format: date-time */
                            createdAt: string;
                            id: string;
                            status: string;
                            /**
                             * Format: date-time
                             * @description The last change the customer can see: a message that is not an internal note, a status or subject change. Notes and assignments do not move it.
                             */
                            updatedAt: string;
                        }[];
                    };
                };
            };
            /** @description The body is malformed; `details` lists each problem */
            400: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credentials, token or link are wrong, spent or expired */
            401: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The email is not verified yet (`email_not_verified`) or the account may not do this */
            403: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such object in this workspace */
            404: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to come back */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "widget.conversations.create": {
        parameters: {
            query?: never;
            header?: {
                /** @description woescs_… */
                "x-woes-conversation-secret"?: string;
                /** @description with x-woes-user-hash */
                "x-woes-customer-id"?: string;
                /** @description HS256 JWT signed with the identity secret */
                "x-woes-identity-token"?: string;
                /** @description hex HMAC-SHA256(identity secret, customer id) */
                "x-woes-user-hash"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "customer": {
                 *         "name": "Ada",
                 *         "email": "ada@example.com"
                 *       },
                 *       "body": "Hello!"
                 *     }
                 */
                "application/json": {
                    body: string;
                    customer?: {
                        email?: string;
                        /** @description Your customer id; used only when verified. */
                        id?: string;
                        name?: string;
                        /** @description hex HMAC-SHA256(identity secret, id) */
                        userHash?: string;
                    };
                    /** @description HS256 JWT signed with the identity secret: sub, exp ≤ 1 h, optional email/name. */
                    identityToken?: string;
                };
            };
        };
        responses: {
            /** @description The new conversation */
            201: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        conversation: components["schemas"]["WidgetConversation"];
                        /** @description woescs_…: keep it in the browser; shown only in this response. */
                        historySecret: string;
                    };
                };
            };
            /** @description The body is malformed; `details` lists each problem */
            400: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credentials, token or link are wrong, spent or expired */
            401: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The email is not verified yet (`email_not_verified`) or the account may not do this */
            403: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such object in this workspace */
            404: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to come back */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "widget.conversations.get": {
        parameters: {
            query?: never;
            header?: {
                /** @description woescs_… */
                "x-woes-conversation-secret"?: string;
                /** @description with x-woes-user-hash */
                "x-woes-customer-id"?: string;
                /** @description HS256 JWT signed with the identity secret */
                "x-woes-identity-token"?: string;
                /** @description hex HMAC-SHA256(identity secret, customer id) */
                "x-woes-user-hash"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The conversation */
            200: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WidgetConversation"];
                };
            };
            /** @description The body is malformed; `details` lists each problem */
            400: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credentials, token or link are wrong, spent or expired */
            401: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The email is not verified yet (`email_not_verified`) or the account may not do this */
            403: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such object in this workspace */
            404: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to come back */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "widget.messages.create": {
        parameters: {
            query?: never;
            header?: {
                /** @description woescs_… */
                "x-woes-conversation-secret"?: string;
                /** @description with x-woes-user-hash */
                "x-woes-customer-id"?: string;
                /** @description HS256 JWT signed with the identity secret */
                "x-woes-identity-token"?: string;
                /** @description hex HMAC-SHA256(identity secret, customer id) */
                "x-woes-user-hash"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    body: string;
                };
            };
        };
        responses: {
            /** @description The new message */
            201: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WidgetConversation"];
                };
            };
            /** @description The body is malformed; `details` lists each problem */
            400: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credentials, token or link are wrong, spent or expired */
            401: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The email is not verified yet (`email_not_verified`) or the account may not do this */
            403: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such object in this workspace */
            404: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to come back */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "widget.conversations.rotateSecret": {
        parameters: {
            query?: never;
            header?: {
                /** @description woescs_… */
                "x-woes-conversation-secret"?: string;
                /** @description with x-woes-user-hash */
                "x-woes-customer-id"?: string;
                /** @description HS256 JWT signed with the identity secret */
                "x-woes-identity-token"?: string;
                /** @description hex HMAC-SHA256(identity secret, customer id) */
                "x-woes-user-hash"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The result of widget.conversations.rotateSecret */
            200: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        historySecret: string;
                    };
                };
            };
            /** @description The body is malformed; `details` lists each problem */
            400: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credentials, token or link are wrong, spent or expired */
            401: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The email is not verified yet (`email_not_verified`) or the account may not do this */
            403: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such object in this workspace */
            404: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to come back */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "widget.kb.search": {
        parameters: {
            query: {
                limit?: number;
                q: string;
            };
            header?: {
                /** @description woescs_… */
                "x-woes-conversation-secret"?: string;
                /** @description with x-woes-user-hash */
                "x-woes-customer-id"?: string;
                /** @description HS256 JWT signed with the identity secret */
                "x-woes-identity-token"?: string;
                /** @description hex HMAC-SHA256(identity secret, customer id) */
                "x-woes-user-hash"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The result of widget.kb.search */
            200: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: unknown[];
                    };
                };
            };
            /** @description The body is malformed; `details` lists each problem */
            400: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credentials, token or link are wrong, spent or expired */
            401: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The email is not verified yet (`email_not_verified`) or the account may not do this */
            403: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such object in this workspace */
            404: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to come back */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "workspace.get": {
        parameters: {
            query?: never;
            header?: {
                /** @description The workspace to act in (a `ws_` id). Required with a session token; with an API key it may be left out, and must name the key’s own workspace when sent. */
                "x-workspace-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The workspace */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Workspace"];
                };
            };
            /** @description The body, query or a header is malformed (`details` lists each problem), or `x-workspace-id` is missing with a session token */
            400: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired (`key_expired`, `token_expired`), disabled or revoked */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope (`insufficient_scope`), the role may not do this or `x-workspace-id` names another workspace (`forbidden`), the plan has no API access (`plan_required`) or the client IP is not allowed (`ip_not_allowed`) */
            403: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to come back */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "workspace.update": {
        parameters: {
            query?: never;
            header?: {
                /** @description The workspace to act in (a `ws_` id). Required with a session token; with an API key it may be left out, and must name the key’s own workspace when sent. */
                "x-workspace-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                };
            };
        };
        responses: {
            /** @description The workspace as it is now */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Workspace"];
                };
            };
            /** @description The body, query or a header is malformed (`details` lists each problem), or `x-workspace-id` is missing with a session token */
            400: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired (`key_expired`, `token_expired`), disabled or revoked */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope (`insufficient_scope`), the role may not do this or `x-workspace-id` names another workspace (`forbidden`), the plan has no API access (`plan_required`) or the client IP is not allowed (`ip_not_allowed`) */
            403: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to come back */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "workspace.keyPolicy": {
        parameters: {
            query?: never;
            header: {
                /** @description The workspace to act in (a `ws_` id). Required with a session token; with an API key it may be left out, and must name the key’s own workspace when sent. */
                "x-workspace-id": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The result of workspace.keyPolicy */
            200: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KeyPolicy"];
                };
            };
            /** @description The body, query or a header is malformed (`details` lists each problem), or `x-workspace-id` is missing with a session token */
            400: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired (`key_expired`, `token_expired`), disabled or revoked */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope (`insufficient_scope`), the role may not do this or `x-workspace-id` names another workspace (`forbidden`), the plan has no API access (`plan_required`) or the client IP is not allowed (`ip_not_allowed`) */
            403: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to come back */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "workspace.keyPolicy.update": {
        parameters: {
            query?: never;
            header: {
                /** @description The workspace to act in (a `ws_` id). Required with a session token; with an API key it may be left out, and must name the key’s own workspace when sent. */
                "x-workspace-id": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "maxLifetimeDays": 90,
                 *       "requireExpiry": true
                 *     }
                 */
                "application/json": {
                    disableUnusedDays?: number | null;
                    maxLifetimeDays?: number | null;
                    requireExpiry?: boolean;
                    warnBeforeExpiry?: boolean;
                };
            };
        };
        responses: {
            /** @description The key policy as it is now */
            200: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KeyPolicy"];
                };
            };
            /** @description The body, query or a header is malformed (`details` lists each problem), or `x-workspace-id` is missing with a session token */
            400: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired (`key_expired`, `token_expired`), disabled or revoked */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope (`insufficient_scope`), the role may not do this or `x-workspace-id` names another workspace (`forbidden`), the plan has no API access (`plan_required`) or the client IP is not allowed (`ip_not_allowed`) */
            403: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to come back */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "workspace.portal": {
        parameters: {
            query?: never;
            header?: {
                /** @description The workspace to act in (a `ws_` id). Required with a session token; with an API key it may be left out, and must name the key’s own workspace when sent. */
                "x-workspace-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The result of workspace.portal */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalSettings"];
                };
            };
            /** @description The body, query or a header is malformed (`details` lists each problem), or `x-workspace-id` is missing with a session token */
            400: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired (`key_expired`, `token_expired`), disabled or revoked */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope (`insufficient_scope`), the role may not do this or `x-workspace-id` names another workspace (`forbidden`), the plan has no API access (`plan_required`) or the client IP is not allowed (`ip_not_allowed`) */
            403: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to come back */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "workspace.portal.update": {
        parameters: {
            query?: never;
            header?: {
                /** @description The workspace to act in (a `ws_` id). Required with a session token; with an API key it may be left out, and must name the key’s own workspace when sent. */
                "x-workspace-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "enabled": true,
                 *       "displayName": "Acme Support"
                 *     }
                 */
                "application/json": {
                    displayName?: string | null;
                    enabled?: boolean;
                };
            };
        };
        responses: {
            /** @description The portal as it is now */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalSettings"];
                };
            };
            /** @description The body, query or a header is malformed (`details` lists each problem), or `x-workspace-id` is missing with a session token */
            400: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired (`key_expired`, `token_expired`), disabled or revoked */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope (`insufficient_scope`), the role may not do this or `x-workspace-id` names another workspace (`forbidden`), the plan has no API access (`plan_required`) or the client IP is not allowed (`ip_not_allowed`) */
            403: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to come back */
            429: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "workspaces.list": {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of workspaces, newest first; `nextCursor` fetches the next page */
            200: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Workspace"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The body, query or a header is malformed (`details` lists each problem), or `x-workspace-id` is missing with a session token */
            400: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired (`key_expired`, `token_expired`), disabled or revoked */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope (`insufficient_scope`), the role may not do this or `x-workspace-id` names another workspace (`forbidden`), the plan has no API access (`plan_required`) or the client IP is not allowed (`ip_not_allowed`) */
            403: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to come back */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "workspaces.create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                };
            };
        };
        responses: {
            /** @description The new workspace */
            201: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Workspace"];
                };
            };
            /** @description The body, query or a header is malformed (`details` lists each problem), or `x-workspace-id` is missing with a session token */
            400: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired (`key_expired`, `token_expired`), disabled or revoked */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The credential lacks the scope (`insufficient_scope`), the role may not do this or `x-workspace-id` names another workspace (`forbidden`), the plan has no API access (`plan_required`) or the client IP is not allowed (`ip_not_allowed`) */
            403: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to come back */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "health.get": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The database answers; `redis` says whether Redis does (`none` without Redis) */
            200: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        database: "up" | "down";
                        redis: "up" | "down" | "none";
                        status: "ok" | "degraded" | "down";
                        version: string;
                    };
                };
            };
            /** @description The database (or another required service) is unreachable */
            503: {
                headers: {
                    "x-correlation-id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        database: "up" | "down";
                        redis: "up" | "down" | "none";
                        status: "ok" | "degraded" | "down";
                        version: string;
                    };
                };
            };
        };
    };
}
