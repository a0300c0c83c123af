package io.arbiter.operators.ledger;

import io.arbiter.schemas.Fill;
import io.arbiter.schemas.Side;

/**
 * What makes a fill unbookable, said in words for the dead letter. A fill reaches the ledger from
 * another system, so every field is checked rather than trusted; nothing here throws.
 */
final class FillCheck {

    private FillCheck() {}

    /**
     * Why {@code fill} cannot be booked in the ledger of ({@code book}, {@code model}); null if it
     * can.
     */
    static String problem(Fill fill, String book, String model) {
        if (fill == null) {
            return "no fill";
        }
        if (isBlank(fill.getFillId())) {
            return "fill id is missing";
        }
        if (isBlank(fill.getSymbol())) {
            return "symbol is missing";
        }
        if (!book.equals(fill.getBook()) || !model.equals(fill.getModel())) {
            return "fill for book '"
                    + fill.getBook()
                    + "' model '"
                    + fill.getModel()
                    + "' reached the ledger of book '"
                    + book
                    + "' model '"
                    + model
                    + "'";
        }
        Side side = fill.getSide();
        if (side != Side.BUY && side != Side.SELL) {
            return "side " + side + " is neither BUY nor SELL";
        }
        double qty = fill.getQty();
        if (!(Double.isFinite(qty) && qty > 0)) {
            return "quantity " + qty + " is not a positive number";
        }
        double price = fill.getPrice();
        if (!(Double.isFinite(price) && price > 0)) {
            return "price " + price + " is not a positive number";
        }
        double fee = fill.getFee();
        if (!(Double.isFinite(fee) && fee >= 0)) {
            return "fee " + fee + " is not a non-negative number";
        }
        if (fill.getTime() == null) {
            return "time is missing";
        }
        return null;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
