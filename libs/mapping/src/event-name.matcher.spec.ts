import { isAutoTracked, mapEventName, normalizeEventName } from './event-name.matcher';
import { AUTO_TRACKED_EVENTS, STANDARD_EVENTS } from './event-name.table';

// The SPEC table written out again on purpose: the test must fail if the code table drifts.
const SPEC_STANDARD_ROWS: ReadonlyArray<[string, string, string]> = [
  ['Product Added', 'ADD_TO_CART', 'commerce'],
  ['Product Added to Wishlist', 'ADD_TO_WISHLIST', 'commerce'],
  ['Cart Viewed', 'VIEW_CART', 'commerce'],
  ['Payment Info Entered', 'ADD_PAYMENT_INFO', 'commerce'],
  ['Checkout Started', 'INITIATE_PURCHASE', 'commerce'],
  ['Order Completed', 'PURCHASE', 'commerce'],
  ['Spend Credits', 'SPEND_CREDITS', 'commerce'],
  ['Products Searched', 'SEARCH', 'content'],
  ['Product Viewed', 'VIEW_ITEM', 'content'],
  ['Product List Viewed', 'VIEW_ITEMS', 'content'],
  ['Product Reviewed', 'RATE', 'content'],
  ['Product Shared', 'SHARE', 'content'],
  ['Complete Registration', 'COMPLETE_REGISTRATION', 'lifecycle'],
  ['Complete Tutorial', 'COMPLETE_TUTORIAL', 'lifecycle'],
  ['Achieve Level', 'ACHIEVE_LEVEL', 'lifecycle'],
  ['Unlock Achievement', 'UNLOCK_ACHIEVEMENT', 'lifecycle'],
];

const SPEC_AUTO_TRACKED = [
  'Deep Link Clicked',
  'Install Attributed',
  'Deep Link Opened',
  'SMS Sent',
  'Pageview',
  'Web Session Start',
  'Branch CTA View',
  'Impression',
  'Web to App Auto Redirect',
  'Application Installed',
  'Application Opened',
  'Application Updated',
  'Application Backgrounded',
  'Application Crashed',
  'Application Uninstalled',
  'Push Notification Received',
  'Push Notification Tapped',
  'Push Notification Bounced',
];

describe('mapEventName', () => {
  it('has exactly the SPEC rows in its tables', () => {
    expect(STANDARD_EVENTS.map((e) => [e.segmentName, e.branchName, e.category])).toEqual(
      SPEC_STANDARD_ROWS,
    );
    expect(AUTO_TRACKED_EVENTS.map((e) => e.segmentName)).toEqual(SPEC_AUTO_TRACKED);
  });

  it.each(SPEC_STANDARD_ROWS)('maps %s to %s (%s)', (segmentName, branchName, category) => {
    expect(mapEventName(segmentName)).toMatchObject({
      kind: 'standard',
      name: branchName,
      category,
      isCanonicalSpelling: true,
    });
  });

  it.each(SPEC_STANDARD_ROWS)(
    'matches a case and spacing variant of %s',
    (segmentName, branchName) => {
      const variant = `  ${segmentName.toLowerCase().replace(/ /g, ' \t ')} `;

      expect(mapEventName(variant)).toMatchObject({
        kind: 'standard',
        name: branchName,
        isCanonicalSpelling: false,
      });
    },
  );

  it.each(SPEC_STANDARD_ROWS)('accepts the Branch constant of %s (%s)', (_segment, branchName) => {
    expect(mapEventName(branchName)).toMatchObject({
      kind: 'standard',
      name: branchName,
      isCanonicalSpelling: true,
    });
  });

  it('does not accept a Branch constant in another case: it stays a custom event', () => {
    expect(mapEventName('purchase')).toEqual({
      kind: 'custom',
      name: 'purchase',
      category: 'custom',
    });
    expect(mapEventName('Add_To_Cart')).toMatchObject({ kind: 'custom' });
  });

  it.each(SPEC_AUTO_TRACKED)('marks %s as auto-tracked, also in another spelling', (name) => {
    expect(mapEventName(name).kind).toBe('auto_tracked');
    expect(isAutoTracked(` ${name.toUpperCase()}  `)).toBe(true);
  });

  it.each(['CLICK', 'INSTALL', 'REINSTALL', 'OPEN'])(
    'marks the Branch constant %s as auto-tracked',
    (name) => {
      expect(isAutoTracked(name)).toBe(true);
    },
  );

  it.each(['Referral Sent', ' Order Completed!', 'Open', 'constructor', '__proto__', '🍣 Ordered'])(
    'keeps the other name %j unchanged as a custom event',
    (name) => {
      expect(mapEventName(name)).toEqual({ kind: 'custom', name, category: 'custom' });
      expect(isAutoTracked(name)).toBe(false);
    },
  );
});

describe('normalizeEventName', () => {
  it('trims, collapses inner whitespace of any kind and lower-cases', () => {
    expect(normalizeEventName('\u00a0 Order\n\tCompleted  ')).toBe('order completed');
  });
});
