import type { BranchEventCategory } from './mapping.types';

export type StandardCategory = Exclude<BranchEventCategory, 'custom'>;

export interface StandardEvent {
  /** Spelling of the Segment ecommerce spec, or Branch's own name written as words. */
  segmentName: string;
  branchName: string;
  category: StandardCategory;
  /** The event is about one product whose fields are top-level properties (Segment V2 spec). */
  isSingleProduct: boolean;
}

/** Segment event name to Branch standard event (SPEC "Event names"). */
export const STANDARD_EVENTS: readonly StandardEvent[] = [
  {
    segmentName: 'Product Added',
    branchName: 'ADD_TO_CART',
    category: 'commerce',
    isSingleProduct: true,
  },
  {
    segmentName: 'Product Added to Wishlist',
    branchName: 'ADD_TO_WISHLIST',
    category: 'commerce',
    isSingleProduct: true,
  },
  {
    segmentName: 'Cart Viewed',
    branchName: 'VIEW_CART',
    category: 'commerce',
    isSingleProduct: false,
  },
  {
    segmentName: 'Payment Info Entered',
    branchName: 'ADD_PAYMENT_INFO',
    category: 'commerce',
    isSingleProduct: false,
  },
  {
    segmentName: 'Checkout Started',
    branchName: 'INITIATE_PURCHASE',
    category: 'commerce',
    isSingleProduct: false,
  },
  {
    segmentName: 'Order Completed',
    branchName: 'PURCHASE',
    category: 'commerce',
    isSingleProduct: false,
  },
  {
    segmentName: 'Spend Credits',
    branchName: 'SPEND_CREDITS',
    category: 'commerce',
    isSingleProduct: false,
  },
  {
    segmentName: 'Products Searched',
    branchName: 'SEARCH',
    category: 'content',
    isSingleProduct: false,
  },
  {
    segmentName: 'Product Viewed',
    branchName: 'VIEW_ITEM',
    category: 'content',
    isSingleProduct: true,
  },
  {
    segmentName: 'Product List Viewed',
    branchName: 'VIEW_ITEMS',
    category: 'content',
    isSingleProduct: false,
  },
  {
    segmentName: 'Product Reviewed',
    branchName: 'RATE',
    category: 'content',
    isSingleProduct: true,
  },
  {
    segmentName: 'Product Shared',
    branchName: 'SHARE',
    category: 'content',
    isSingleProduct: true,
  },
  {
    segmentName: 'Complete Registration',
    branchName: 'COMPLETE_REGISTRATION',
    category: 'lifecycle',
    isSingleProduct: false,
  },
  {
    segmentName: 'Complete Tutorial',
    branchName: 'COMPLETE_TUTORIAL',
    category: 'lifecycle',
    isSingleProduct: false,
  },
  {
    segmentName: 'Achieve Level',
    branchName: 'ACHIEVE_LEVEL',
    category: 'lifecycle',
    isSingleProduct: false,
  },
  {
    segmentName: 'Unlock Achievement',
    branchName: 'UNLOCK_ACHIEVEMENT',
    category: 'lifecycle',
    isSingleProduct: false,
  },
];

export interface AutoTrackedEvent {
  segmentName: string;
  /** What Branch's SDKs already record for it. */
  trackedByBranchAs: string;
}

/**
 * Events Branch records itself through its SDKs (SPEC "Never imported"): importing them would
 * double-count clicks, installs, opens and sessions. The Segment names of the Branch, app
 * lifecycle and push specs.
 */
export const AUTO_TRACKED_EVENTS: readonly AutoTrackedEvent[] = [
  { segmentName: 'Deep Link Clicked', trackedByBranchAs: 'Click' },
  { segmentName: 'Install Attributed', trackedByBranchAs: 'Install' },
  { segmentName: 'Deep Link Opened', trackedByBranchAs: 'Reinstall / Open' },
  { segmentName: 'SMS Sent', trackedByBranchAs: 'SMS Sent' },
  { segmentName: 'Pageview', trackedByBranchAs: 'Pageview' },
  { segmentName: 'Web Session Start', trackedByBranchAs: 'Web Session Start' },
  { segmentName: 'Branch CTA View', trackedByBranchAs: 'Branch CTA View' },
  { segmentName: 'Impression', trackedByBranchAs: 'Impression' },
  { segmentName: 'Web to App Auto Redirect', trackedByBranchAs: 'Web to App Auto Redirect' },
  { segmentName: 'Application Installed', trackedByBranchAs: 'Install' },
  { segmentName: 'Application Opened', trackedByBranchAs: 'Open' },
  { segmentName: 'Application Updated', trackedByBranchAs: 'Open (app update)' },
  { segmentName: 'Application Backgrounded', trackedByBranchAs: 'session (SDK lifecycle)' },
  { segmentName: 'Application Crashed', trackedByBranchAs: 'session (SDK lifecycle)' },
  { segmentName: 'Application Uninstalled', trackedByBranchAs: 'uninstall (SDK lifecycle)' },
  { segmentName: 'Push Notification Received', trackedByBranchAs: 'push (SDK)' },
  { segmentName: 'Push Notification Tapped', trackedByBranchAs: 'push open (SDK)' },
  { segmentName: 'Push Notification Bounced', trackedByBranchAs: 'push (SDK)' },
];

/**
 * Branch's own names for the auto-tracked events in their constant spelling. Accepted for the
 * same reason as PURCHASE / ADD_TO_CART (see README): a sender writing them targets Branch.
 */
export const AUTO_TRACKED_BRANCH_CONSTANTS: readonly string[] = [
  'CLICK',
  'INSTALL',
  'REINSTALL',
  'OPEN',
];
