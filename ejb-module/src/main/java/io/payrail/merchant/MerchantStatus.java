package io.payrail.merchant;

/** A suspended merchant keeps its data but may not move money. */
public enum MerchantStatus {
    ACTIVE, SUSPENDED
}
