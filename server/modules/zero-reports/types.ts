import type { ZeroFigures } from '@shared/schemas/zero-reports';

/** Who acts: a person of a unit (the district is unit 1). */
export interface ZeroCaller {
  userId: number;
  username: string;
  unitId: number;
  unitPath: string;
  roles: string[];
}

export type Counted = {
  filedAt: string;
  nothingNew: boolean;
  figures: ZeroFigures | null;
  note: string;
  filedBy: string;
  source: 'zero' | 'disaster';
};
