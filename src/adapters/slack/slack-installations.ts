// Bolt's installation store over the tutor's store: each workspace's installation (its bot token
// among it) sealed before it is saved, opened when a request from that workspace arrives.
import type { Installation, InstallationQuery, InstallationStore } from "@slack/bolt";
import type { InstallationKey, InstallationRepository } from "../../core/ports.ts";
import type { TokenSeal } from "./slack-token-seal.ts";

/** Where an installation is kept: its organisation for an org-wide install, else its workspace. */
function keyOf(isEnterpriseInstall: boolean | undefined, enterpriseId: string | undefined, teamId: string | undefined): InstallationKey {
  if (isEnterpriseInstall && enterpriseId) return { kind: "enterprise", id: enterpriseId };
  if (teamId) return { kind: "team", id: teamId };
  throw new Error("a Slack installation with neither a workspace nor an organisation id");
}

const context = (key: InstallationKey) => `slack:${key.kind}:${key.id}`;

/**
 * The `installationStore` Bolt's OAuth flow saves into (`/slack/oauth_redirect`) and its
 * `authorize` reads from on every request. The whole record is sealed, so neither the bot token
 * nor a refresh token is ever in the database in plain text.
 */
export function sealedInstallationStore(repository: InstallationRepository, seal: TokenSeal, now: () => Date = () => new Date()): InstallationStore {
  return {
    async storeInstallation(installation: Installation): Promise<void> {
      const key = keyOf(installation.isEnterpriseInstall, installation.enterprise?.id, installation.team?.id);
      await repository.save(key, seal.seal(JSON.stringify(installation), context(key)), now());
    },
    async fetchInstallation(query: InstallationQuery<boolean>): Promise<Installation> {
      const key = keyOf(query.isEnterpriseInstall, query.enterpriseId, query.teamId);
      const sealed = await repository.fetch(key);
      if (sealed === null) throw new Error(`the app is not installed in Slack ${key.kind} ${key.id}: install it at /slack/install`);
      return JSON.parse(seal.open(sealed, context(key))) as Installation;
    },
    async deleteInstallation(query: InstallationQuery<boolean>): Promise<void> {
      await repository.delete(keyOf(query.isEnterpriseInstall, query.enterpriseId, query.teamId));
    },
  };
}
