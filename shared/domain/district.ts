/**
 * The district: the root of the units tree (DESIGN 2.7), created by the units migration as unit 1.
 * Its path is every other unit's prefix, so a viewer at the district sees every unit.
 */
export const DISTRICT_UNIT_ID = 1;
export const DISTRICT_PATH = '/1/';
