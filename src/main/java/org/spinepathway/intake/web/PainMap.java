package org.spinepathway.intake.web;

import java.util.ArrayList;
import java.util.List;

import org.spinepathway.intake.entity.IntakeAnswers;

/**
 * A schematic body, seen from behind, with the parts the patient marked: where it hurts along the
 * spine and where the pain travels, on the side they gave. Drawn as SVG rectangles by the summary.
 */
public final class PainMap {

    /** One drawable part; {@code x, y, w, h} on a 200 × 400 canvas. */
    public record Part(String name, int x, int y, int w, int h, boolean marked) {
    }

    private PainMap() {
    }

    public static List<Part> of(IntakeAnswers a) {
        boolean left = !"RIGHT".equals(a.getSide());
        boolean right = !"LEFT".equals(a.getSide());
        List<String> areas = new ArrayList<>(a.getOtherAreas());
        if (a.getMainArea() != null) {
            areas.add(a.getMainArea());
        }
        List<String> travels = a.getPainTravels();
        List<Part> parts = new ArrayList<>();
        parts.add(new Part("Head", 82, 5, 36, 40, false));
        parts.add(new Part("Neck", 90, 45, 20, 18, areas.contains("NECK")));
        parts.add(new Part("Mid back", 75, 65, 50, 60, areas.contains("MID_BACK")));
        parts.add(new Part("Lower back", 75, 125, 50, 45, areas.contains("LOWER_BACK")));
        // Seen from behind, the patient's left is on the viewer's left.
        for (boolean leftSide : new boolean[] {true, false}) {
            boolean on = leftSide ? left : right;
            String side = leftSide ? "Left " : "Right ";
            int arm = leftSide ? 48 : 127;
            int leg = leftSide ? 76 : 102;
            parts.add(new Part(side + "shoulder", leftSide ? 52 : 125, 65, 23, 20, on && travels.contains("SHOULDER")));
            parts.add(new Part(side + "arm", arm, 85, 22, 80, on && travels.contains("ARM")));
            parts.add(new Part(side + "hand", arm, 167, 22, 25, on && travels.contains("HAND")));
            parts.add(new Part(side + "buttock", leg, 172, 22, 30, on && travels.contains("BUTTOCK")));
            parts.add(new Part(side + "thigh", leg, 204, 22, 70, on && travels.contains("THIGH")));
            parts.add(new Part(side + "lower leg", leg, 276, 22, 80, on && travels.contains("LEG")));
            parts.add(new Part(side + "foot", leg, 358, 22, 20, on && travels.contains("FOOT")));
        }
        return parts;
    }
}
