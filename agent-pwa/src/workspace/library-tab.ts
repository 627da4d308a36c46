/** The Library tab: canned replies, voice replies and knowledge-base articles, loaded and saved by the LibraryController. */
import { html } from 'lit';
import type { CannedReplyInput } from '../../../signaling/protocol/api.js';
import type { ArticleInput } from '../../../signaling/protocol/articles.js';
import type { LibraryController } from '../library/library-controller.js';
import type { VoiceClipSave } from '../library/sb-voice-clips.js';

type Detail<T> = CustomEvent<T>;

/** `canEditTeam`: supervisors and admins edit the team's replies; agents only their own. */
export function renderLibraryTab(library: LibraryController, canEditTeam: boolean) {
  // One grid row for the tab: the two lists scroll together.
  return html`<div class="admin"><sb-reply-library
    .replies=${library.replies}
    .articles=${library.articles}
    .error=${library.error}
    ?canEditTeam=${canEditTeam}
    @sb-reply-save=${(e: Detail<{ id?: string; input: CannedReplyInput }>) => void library.saveReply(e.detail.id, e.detail.input)}
    @sb-reply-remove=${(e: Detail<{ id: string }>) => void library.removeReply(e.detail.id)}
    @sb-article-save=${(e: Detail<{ id?: string; input: ArticleInput }>) => void library.saveArticle(e.detail.id, e.detail.input)}
    @sb-article-remove=${(e: Detail<{ id: string }>) => void library.removeArticle(e.detail.id)}
  ></sb-reply-library>
  <sb-voice-clips
    .clips=${library.voiceClips}
    ?canEdit=${canEditTeam}
    @sb-voice-clip-save=${(e: Detail<VoiceClipSave>) => void library.saveVoiceClip(e.detail.id, e.detail.body)}
    @sb-voice-clip-remove=${(e: Detail<{ id: string }>) => void library.removeVoiceClip(e.detail.id)}
  ></sb-voice-clips></div>`;
}
