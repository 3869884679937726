import type { BranchUserData, DetectedPlatform, Platform, PlatformSwitches } from '@sbi/identity';

import type { MappingWarningCode } from './mapping-warning.constants';
import type { SkipReason } from './skip-reason.constants';

/** Branch event categories; `custom` is any event that is not one of Branch's standard events. */
export type BranchEventCategory = 'commerce' | 'content' | 'lifecycle' | 'custom';

/**
 * Branch v2 `event_data` (https://help.branch.io/developers-hub/reference/branch-event-api).
 * Only fields with a usable value are present.
 */
export interface BranchEventData {
  transaction_id?: string;
  currency?: string;
  revenue?: number;
  shipping?: number;
  tax?: number;
  coupon?: string;
  affiliation?: string;
  description?: string;
  search_query?: string;
}

/** One Branch content item (Branch Universal Object keys). Only fields with a value are present. */
export interface BranchContentItem {
  $content_schema: 'COMMERCE_PRODUCT';
  $canonical_identifier?: string;
  $sku?: string;
  $product_name?: string;
  $price?: number;
  $quantity?: number;
  $product_brand?: string;
  $product_category?: string;
  $product_variant?: string;
  $canonical_url?: string;
  $og_image_url?: string;
  $rating?: number;
  /** Product properties with no Branch key of their own, as strings (see README). */
  $custom_fields?: Record<string, string>;
}

/** A Branch v2 event as this product stores it. */
export interface BranchEvent {
  /** Branch standard event name (`PURCHASE`), or the Segment name exactly as sent (custom). */
  name: string;
  category: BranchEventCategory;
  /** Set only when it carries information (see README, "customer_event_alias"). */
  customer_event_alias?: string;
  /** Event time, ISO-8601 in UTC with milliseconds. */
  timestamp: string;
  user_data: BranchUserData;
  event_data: BranchEventData;
  content_items: BranchContentItem[];
  /** Branch requires string values here. */
  custom_data: Record<string, string>;
}

/** Something questionable in the input that did not stop the import. */
export interface MappingWarning {
  code: MappingWarningCode;
  /** Path of the input value, e.g. `properties.products[2].price`. */
  field: string;
  detail: string;
}

export type MappingResult =
  | { imported: true; event: BranchEvent; platform: Platform; warnings: MappingWarning[] }
  | {
      imported: false;
      reason: SkipReason;
      detail: string;
      /** Known once the message has a valid shape. */
      platform?: DetectedPlatform;
      warnings: MappingWarning[];
    };

export interface MapSegmentMessageOptions {
  /** The app's platform switches; every platform on when absent. */
  platforms?: Partial<PlatformSwitches>;
}
