/** JMH benchmarks of Hearth's hot paths; run with ./mvnw -pl bench -am package exec or `java -cp ... org.openjdk.jmh.Main`. */
package org.hearth.bench;
