<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Language</name>
    <message>
        <source>Lang&amp;uage</source>
        <translation>语言(&amp;U)</translation>
    </message>
    <message>
        <source>System ({language})</source>
        <translation>跟随系统 ({language})</translation>
    </message>
    <message>
        <source>The language changes when BP Studio starts next time.</source>
        <translation>界面语言将在下次启动 BP Studio 时切换。</translation>
    </message>
</context>
</TS>
