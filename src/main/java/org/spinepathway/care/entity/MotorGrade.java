package org.spinepathway.care.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** An MRC grade (0-5) for one myotome on one side, recorded by a clinician. */
@Embeddable
public class MotorGrade {

    @Column(name = "myotome", nullable = false, length = 3)
    private String myotome;

    @Column(name = "side", nullable = false, length = 5)
    private String side;

    @Column(name = "grade", nullable = false)
    private int grade;

    protected MotorGrade() {
        // for JPA
    }

    public MotorGrade(String myotome, String side, int grade) {
        this.myotome = myotome;
        this.side = side;
        this.grade = grade;
    }

    public String getMyotome() { return myotome; }
    public String getSide() { return side; }
    public int getGrade() { return grade; }
}
