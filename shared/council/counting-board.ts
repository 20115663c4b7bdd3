import type { CouncilSettings } from '#shared/campaign';
import { identityKey } from '#shared/text';

export interface BoardMember {
  name: string;
  /** Their role on the board: "Trưởng ban", "Thành viên". */
  role: string;
}

export const BOARD_HEAD = 'Trưởng ban';
export const BOARD_MEMBER = 'Thành viên';

/**
 * The counting board (Ban kiểm phiếu) of a round: the council's own when it names one; otherwise the
 * secretary, who keeps the ballots, at its head, and the first two members without an office on the
 * council (ủy viên), or failing those any other members but the chair, who presides over the vote.
 */
export function countingBoard(settings: CouncilSettings): BoardMember[] {
  if (settings.countingBoard?.length) return settings.countingBoard.map((member) => ({ ...member }));
  const role = (prefix: string) => (member: { role: string }) => identityKey(member.role).startsWith(prefix);
  const secretary = settings.members.find(role('thư ký'));
  const others = settings.members.filter((member) => member !== secretary && !role('chủ tịch')(member));
  const plain = others.filter(role('ủy viên'));
  const chosen = [...plain, ...others.filter((member) => !plain.includes(member))].slice(0, secretary ? 2 : 3);
  const head = secretary ?? chosen.shift();
  return [...(head ? [{ name: head.name, role: BOARD_HEAD }] : []), ...chosen.map((member) => ({ name: member.name, role: BOARD_MEMBER }))];
}
